package dev.studybuddy.api.text;

/** Text a person typed breaks {@link TypedText}'s rule; {@link #field()} names where it was. */
public class InvalidTextException extends IllegalArgumentException {

    private final String field;

    public InvalidTextException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
