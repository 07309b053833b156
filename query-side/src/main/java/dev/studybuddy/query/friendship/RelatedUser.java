package dev.studybuddy.query.friendship;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone in one of the caller's lists (a friend, a request's other side, a blocked user), with what a
 * client shows of them and since when the relation stands. Name fields are null while the users
 * projection has not seen the account.
 */
public record RelatedUser(UUID userId, String username, String displayName, Instant since) {}
