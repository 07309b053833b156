package dev.studybuddy.platform.personaldata;

/** A sealed personal field that cannot be what was written: altered, or of an unknown form. Never "erased". */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
