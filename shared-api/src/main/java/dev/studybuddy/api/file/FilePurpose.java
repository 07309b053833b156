package dev.studybuddy.api.file;

/** What a file was uploaded for; it decides the size limit and the types allowed. */
public enum FilePurpose {
    /** A profile picture: a small image, visible to anyone signed in. */
    AVATAR,
    /** A file attached to chat messages: visible to its owner and to those the messages reach. */
    ATTACHMENT
}
