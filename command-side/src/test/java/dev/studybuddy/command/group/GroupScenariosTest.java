package dev.studybuddy.command.group;

import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.user.TestUserDirectory;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupScenarios;
import dev.studybuddy.testing.scenarios.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared scenarios query-side and notification-saga test with are what the Group aggregate emits:
 * each decision of a scenario, sent to the aggregate with the scenario's history before it as given,
 * emits exactly the decision's events.
 */
class GroupScenariosTest {

    static List<Scenario> scenarios() {
        return GroupScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAggregateEmitsExactlyTheScenariosEvents(Scenario scenario) {
        List<Decision> decisions = scenario.decisions();
        for (int step = 0; step < decisions.size(); step++) {
            Decision decision = decisions.get(step);
            givenTheHistoryBefore(decisions.subList(0, step))
                    .when(decision.command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(decision.events().toArray());
        }
    }

    private static TestExecutor<Group> givenTheHistoryBefore(List<Decision> history) {
        AggregateTestFixture<Group> fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(new TestUserDirectory()
                .active(GroupScenarios.cast().toArray(UUID[]::new))
                .directory());
        fixture.registerInjectableResource(new GroupSettings(Duration.ofDays(7)));
        fixture.registerInjectableResource(new EditWindow(Duration.ofMinutes(15)));
        return history.isEmpty()
                ? fixture.givenNoPriorActivity()
                : fixture.given(new Scenario("before", history).events());
    }
}
