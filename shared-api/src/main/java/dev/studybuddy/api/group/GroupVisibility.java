package dev.studybuddy.api.group;

/** Who can find a group and see its roster: everyone, or only its members. */
public enum GroupVisibility {
    PUBLIC,
    PRIVATE
}
