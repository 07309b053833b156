package dev.studybuddy.notification.web;

import java.util.List;

/** A page of a list, as API.md answers every list: the items and where the next page starts (null at the end). */
public record CursorPage<T>(List<T> items, String nextCursor) {
}
