package dev.studybuddy.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class PeriodicTaskTest {

    private static final Duration OFTEN = Duration.ofMillis(5);

    private PeriodicTask task;

    @AfterEach
    void stopTask() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void goesOnAfterARunThrows() throws InterruptedException {
        CountDownLatch third = new CountDownLatch(3);
        task = PeriodicTask.every(OFTEN, "failing-task", () -> {
            third.countDown();
            throw new IllegalStateException("every run fails");
        });

        task.start();

        assertThat(third.await(5, TimeUnit.SECONDS))
                .as("runs after the first failure")
                .isTrue();
    }

    @Test
    void runsOnItsOwnNamedThreadAndSoDoesHandedOverWork() throws InterruptedException {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        task = PeriodicTask.every(Duration.ofHours(1), "named-task", () -> {
                    threads.add(Thread.currentThread().getName());
                    ran.countDown();
                })
                .firstAfter(Duration.ZERO);

        task.start();
        task.execute(() -> {
            threads.add(Thread.currentThread().getName());
            ran.countDown();
        });

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).containsExactly("named-task", "named-task");
    }

    @Test
    void stoppingLetsARunInProgressFinishWithinTheTimeout() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        task = PeriodicTask.every(Duration.ofHours(1), "finishing-task", () -> {
                    started.countDown();
                    sleep(Duration.ofMillis(200));
                    finished.set(true);
                })
                .firstAfter(Duration.ZERO)
                .finishingWithin(Duration.ofSeconds(5));
        task.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        task.stop();

        assertThat(finished).isTrue();
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void stoppingInterruptsARunThatOutlastsTheTimeout() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        task = PeriodicTask.every(Duration.ofHours(1), "interrupted-task", () -> {
                    started.countDown();
                    try {
                        Thread.sleep(Duration.ofMinutes(1).toMillis());
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                    ended.countDown();
                })
                .firstAfter(Duration.ZERO)
                .finishingWithin(Duration.ofMillis(50));
        task.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        task.stop();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void refusesWorkWhenStoppedAndNeverRunsAgain() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        task = PeriodicTask.every(OFTEN, "stopped-task", runs::incrementAndGet);
        task.start();
        task.stop();
        int afterStop = runs.get();

        sleep(Duration.ofMillis(50));

        assertThat(runs.get()).isEqualTo(afterStop);
        assertThatThrownBy(() -> task.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void asABeanItRunsWhileTheContextDoes() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        PeriodicTask bean;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(PeriodicTask.class, () -> PeriodicTask.every(OFTEN, "bean-task", ran::countDown));
            context.refresh();
            bean = context.getBean(PeriodicTask.class);

            assertThat(ran.await(5, TimeUnit.SECONDS))
                    .as("started with the context")
                    .isTrue();
            assertThat(bean.isRunning()).isTrue();
        }
        assertThat(bean.isRunning()).as("stopped with the context").isFalse();
    }

    @Test
    void drainsBatchesUntilOneComesBackShort() {
        AtomicInteger backlog = new AtomicInteger(25);
        AtomicInteger calls = new AtomicInteger();

        PeriodicTask.drain(
                () -> {
                    calls.incrementAndGet();
                    int batch = Math.min(10, backlog.get());
                    backlog.addAndGet(-batch);
                    return batch;
                },
                10);

        assertThat(backlog.get()).isZero();
        assertThat(calls.get()).isEqualTo(3);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
