package dev.studybuddy.system.growth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.SynchronousQueue;

/**
 * What the two hops that every message makes dozens of times cost on the machine the benchmark runs on, measured
 * before the system starts: handing a value to another thread and back (a wake-up and a context switch each way),
 * and a one-byte round trip over loopback TCP (what each call between the services costs beyond its work). The
 * growth figures depend on them more than on the cores' speed: on a machine whose kernel made system calls and
 * context switches several times dearer the system carried half the messages (docs/benchmarks-log.md,
 * twenty-third and twenty-fourth sessions), so a reader of the results needs them to compare runs of two machines.
 * Prints {@code machine.<figure>=<value>} lines: the median of several rounds, each the mean of many round trips.
 */
public final class MachineCalibration {

    private static final int ROUNDS = 9;
    private static final int TRIPS_PER_ROUND = 5_000;

    private MachineCalibration() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("machine.threadHandoffRoundTripMicros=%.1f%n", median(MachineCalibration::threadHandoffs));
        System.out.printf("machine.loopbackTcpRoundTripMicros=%.1f%n", median(MachineCalibration::loopbackTrips));
    }

    private interface Round {
        double microsPerTrip() throws Exception;
    }

    private static double median(Round round) throws Exception {
        round.microsPerTrip(); // warm-up: the first round pays for class loading and compilation
        double[] rounds = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            rounds[i] = round.microsPerTrip();
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static double threadHandoffs() throws InterruptedException {
        SynchronousQueue<Integer> there = new SynchronousQueue<>();
        SynchronousQueue<Integer> back = new SynchronousQueue<>();
        Thread echo = started(() -> {
            try {
                for (int i = 0; i < TRIPS_PER_ROUND; i++) {
                    back.put(there.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < TRIPS_PER_ROUND; i++) {
            there.put(i);
            back.take();
        }
        long elapsed = System.nanoTime() - start;
        echo.join();
        return elapsed / 1_000.0 / TRIPS_PER_ROUND;
    }

    private static double loopbackTrips() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            client.setTcpNoDelay(true);
            Thread echo = started(() -> echoOneByteAtATime(server));
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            long start = System.nanoTime();
            for (int i = 0; i < TRIPS_PER_ROUND; i++) {
                out.write(1);
                if (in.read() < 0) {
                    throw new IOException("the echo closed the connection");
                }
            }
            long elapsed = System.nanoTime() - start;
            client.shutdownOutput();
            echo.join();
            return elapsed / 1_000.0 / TRIPS_PER_ROUND;
        }
    }

    private static Thread started(Runnable echo) {
        Thread thread = new Thread(echo, "calibration-echo");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void echoOneByteAtATime(ServerSocket server) {
        try (Socket accepted = server.accept()) {
            accepted.setTcpNoDelay(true);
            InputStream in = accepted.getInputStream();
            OutputStream out = accepted.getOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
