package dev.studybuddy.query.export;

/** Another service the export reads from did not answer as it should (unreachable, too slow, not 200). */
final class NotAnswering extends RuntimeException {

    NotAnswering(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
    }
}
