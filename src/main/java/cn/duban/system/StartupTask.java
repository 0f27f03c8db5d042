package cn.duban.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A piece of start-up work (compiling the rules, deploying the processes) run on a thread of its own beside the rest
 * of start-up, which waits for it ({@link #join}) before the application starts: its failure stops the start.
 */
public final class StartupTask<T> {

    private final CompletableFuture<T> result;

    private StartupTask(CompletableFuture<T> result) {
        this.result = result;
    }

    /** Starts {@code work} on a thread named {@code thread}. */
    public static <T> StartupTask<T> start(String thread, Supplier<T> work) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> new Thread(r, thread));
        try {
            return new StartupTask<>(CompletableFuture.supplyAsync(work, one));
        } finally {
            one.shutdown();
        }
    }

    /** Does {@code work} at once, on this thread (the command line, tests). */
    public static <T> StartupTask<T> now(Supplier<T> work) {
        return new StartupTask<>(CompletableFuture.supplyAsync(work, Runnable::run));
    }

    /** Waits for the work; what it threw is thrown here. */
    public T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Whether the work is done and succeeded. */
    public boolean succeeded() {
        return result.isDone() && !result.isCompletedExceptionally();
    }
}
