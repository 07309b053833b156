package dev.studybuddy.command.chat;

/**
 * What a request to delete a message is, as a conversation's latest messages ({@link RecentMessages}) know
 * it. Who may do which is the conversation's own rule: in a group, managers delete anyone's message.
 */
public enum Deletion {

    /** Of the requester's own message. */
    OWN,
    /** Of someone else's message. */
    ANOTHERS,
    /** Of the requester's own message, deleted already. */
    OWN_AGAIN,
    /** Of someone else's message, deleted already. */
    ANOTHERS_AGAIN,
    /** Of a message older than the latest, or of none at all: its author is no longer known. */
    FORGOTTEN
}
