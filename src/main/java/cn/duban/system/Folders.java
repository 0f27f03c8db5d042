package cn.duban.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files office staff edit (BPMN in processes/, rules in rules/, the organization file) are read from disk
 * when the folder exists, so an edit takes effect on restart; otherwise from the copies packaged in the jar.
 */
public final class Folders {

    /**
     * A file's name and bytes; {@link #content()} reads them as UTF-8 text. A UTF-8 byte-order mark (what a
     * spreadsheet's "CSV UTF-8" writes first) is dropped, whichever way the file came: neither Drools nor the
     * holiday overrides read it.
     */
    public record FileText(String name, byte[] bytes) {

        public FileText {
            bytes = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                    ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        }

        public String content() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Folders() {}

    /** Files ending in one of the suffixes, from folder {@code dir} on disk or else from {@code classpath:packaged/}. */
    public static List<FileText> read(String dir, String packaged, String... suffixes) {
        Path folder = Path.of(dir);
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<FileText> result = new ArrayList<>();
                    for (Path p : files.filter(p -> matches(p.getFileName().toString(), suffixes)).sorted().toList()) {
                        result.add(new FileText(p.getFileName().toString(), Files.readAllBytes(p)));
                    }
                    return result;
                }
            }
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + packaged + "/*");
            List<FileText> result = new ArrayList<>();
            for (Resource r : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                if (r.getFilename() != null && matches(r.getFilename(), suffixes)) {
                    try (InputStream in = r.getInputStream()) {
                        result.add(new FileText(r.getFilename(), in.readAllBytes()));
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A file named by a location: {@code classpath:…} or a path on disk. */
    public static Resource resource(String location) {
        return location.startsWith("classpath:")
                ? new PathMatchingResourcePatternResolver().getResource(location)
                : new FileSystemResource(location);
    }

    private static boolean matches(String name, String... suffixes) {
        return Arrays.stream(suffixes).anyMatch(name::endsWith);
    }
}
