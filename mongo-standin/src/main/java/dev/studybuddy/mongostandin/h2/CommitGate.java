package dev.studybuddy.mongostandin.h2;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Holds a connection's answers back until the commit that covers its last write is done, without holding its
 * event loop: the loop goes on answering the other connections it serves. Sits first in the channel's pipeline,
 * so it holds the encoded answers, in order. All its state is touched on the channel's event loop only.
 */
final class CommitGate extends ChannelOutboundHandlerAdapter {

    private static final String NAME = "standin-commit-gate";

    private record Held(Object message, ChannelPromise promise) {
    }

    private final GroupCommits commits;
    private final Queue<Held> held = new ArrayDeque<>();
    private long awaitedTicket;
    private boolean flushHeld;
    private boolean waiting;

    private CommitGate(GroupCommits commits) {
        this.commits = commits;
    }

    /** The next answers on this channel leave once the write with this ticket is committed. */
    static void holdAnswersFor(Channel channel, GroupCommits commits, long ticket) {
        CommitGate gate = (CommitGate) channel.pipeline().get(NAME);
        if (gate == null) {
            gate = new CommitGate(commits);
            channel.pipeline().addFirst(NAME, gate);
        }
        gate.awaitedTicket = Math.max(gate.awaitedTicket, ticket);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (held.isEmpty() && commits.isCommitted(awaitedTicket)) {
            ctx.write(message, promise);
            return;
        }
        held.add(new Held(message, promise));
        waitForCommit(ctx);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (held.isEmpty()) {
            ctx.flush();
        } else {
            flushHeld = true;
        }
    }

    private void waitForCommit(ChannelHandlerContext ctx) {
        if (waiting) {
            return;
        }
        waiting = true;
        commits.whenCommitted(awaitedTicket).whenComplete((committed, failure) -> ctx.executor().execute(() -> {
            waiting = false;
            if (failure != null) {
                held.forEach(answer -> {
                    ReferenceCountUtil.release(answer.message);
                    answer.promise.tryFailure(failure);
                });
                held.clear();
                ctx.close();
            } else {
                release(ctx);
            }
        }));
    }

    private void release(ChannelHandlerContext ctx) {
        if (!commits.isCommitted(awaitedTicket)) {
            waitForCommit(ctx);
            return;
        }
        Held answer;
        while ((answer = held.poll()) != null) {
            ctx.write(answer.message, answer.promise);
        }
        if (flushHeld) {
            flushHeld = false;
            ctx.flush();
        }
    }
}
