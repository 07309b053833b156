package dev.studybuddy.system.growth;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The time a phase starts, as bench/growth reads it to attribute CPU to phases: always HH:mm:ss (LocalTime's own
 * text drops the seconds when they are zero).
 */
final class PhaseClock {

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private PhaseClock() {}

    static String now() {
        return LocalTime.now().format(HH_MM_SS);
    }
}
