package dev.studybuddy.command.group;

import java.util.UUID;

/** The deadline payload that lapses one invitation: the n-th the group sent, so a newer one survives it. */
public record InvitationDeadline(UUID inviteeId, int invitationNumber) {

    static final String NAME = "invitation-expiry";
}
