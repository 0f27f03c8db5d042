package cn.duban;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published seed plans the tests read (never copied into the project): the folder in env DUBAN_CORPUS, else
 * ../shared/seeds beside the project. Without either, a test that needs them is skipped and says why.
 */
public final class Seeds {

    private Seeds() {}

    public static Optional<Path> folder() {
        String corpus = System.getenv("DUBAN_CORPUS");
        Path folder = corpus == null || corpus.isBlank() ? Path.of("../shared/seeds") : Path.of(corpus);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Every seed document, in name order (none without the folder). */
    public static List<Path> all() {
        return folder().map(f -> {
            try (Stream<Path> files = Files.list(f)) {
                return files.sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(List.of());
    }

    /** The seed whose name starts with {@code prefix_}; the calling test is skipped, saying why, without seeds. */
    public static Path seed(String prefix) {
        Optional<Path> folder = folder();
        assumeTrue(folder.isPresent(), () -> {
            String why = "seed plans not found (env DUBAN_CORPUS is unset and ../shared/seeds is not here): skipped";
            System.out.println(why);
            return why;
        });
        return all().stream().filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seed " + prefix + "_* in " + folder.get()));
    }
}
