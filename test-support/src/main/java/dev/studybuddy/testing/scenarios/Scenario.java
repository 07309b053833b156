package dev.studybuddy.testing.scenarios;

import java.util.ArrayList;
import java.util.List;

/** A named history of one aggregate, told as the decisions that made it, oldest first. */
public record Scenario(String name, List<Decision> decisions) {

    public Scenario {
        decisions = List.copyOf(decisions);
    }

    /** Every event of the history, in the order the decisions emitted them. */
    public List<Object> events() {
        List<Object> events = new ArrayList<>();
        decisions.forEach(decision -> events.addAll(decision.events()));
        return events;
    }

    @Override
    public String toString() {
        return name;
    }
}
