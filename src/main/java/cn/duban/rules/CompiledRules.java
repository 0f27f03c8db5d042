package cn.duban.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.duban.system.Folders.FileText;

/**
 * The rules as the executable model compiled them (a kjar: the generated classes), kept in a folder between starts:
 * a start with the same rule files and the same build of duban loads them (about 0.6 s) instead of compiling them
 * again (2.5-5 s). A file's name is the SHA-256 of the build's identity and every rule file's name and text, so an
 * edited rule file or a new duban build compiles afresh; the folder keeps the latest set only. Whoever can write the
 * folder can run code in the server, as with the rules folder itself.
 */
final class CompiledRules {

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);
    private static final String SUFFIX = ".kjar";

    private final Path folder;
    private final String build;

    /** {@code build}: what tells one build of duban from another (its build time), as the compiled model uses its classes. */
    CompiledRules(Path folder, String build) {
        this.folder = folder;
        this.build = build;
    }

    /** The key of a set of rule files. */
    String key(List<FileText> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(build.getBytes(StandardCharsets.UTF_8));
            for (FileText f : files.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
                sha.update(("\u0000" + f.name() + "\u0000").getBytes(StandardCharsets.UTF_8));
                sha.update(f.bytes());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The module compiled for {@code key} before, under {@code release}, when the folder holds it and it loads; a file
     * that does not load is logged and the rules are compiled again.
     */
    Optional<KieModule> load(String key, ReleaseId release) {
        Path file = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            KieModuleModel model = KieServices.get().newKieModuleModel();
            // what KieBuilder declares for a project without a kmodule.xml, as the rules are built
            model.newKieBaseModel("defaultKieBase").addPackage("*").setDefault(true)
                    .newKieSessionModel("defaultKieSession").setDefault(true);
            MemoryFileSystem classes = MemoryFileSystem.readFromJar(Files.readAllBytes(file));
            return Optional.of(new CanonicalKieModule(new MemoryKieModule(release, model, classes)));
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled rules {} not loaded, compiling them again: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a module just compiled for {@code key} (and only it); a folder that cannot be written is logged. */
    void store(String key, KieModule compiled) {
        try {
            Files.createDirectories(folder);
            Path written = Files.createTempFile(folder, "rules-", ".tmp");
            Files.write(written, ((InternalKieModule) compiled).getBytes());
            Files.move(written, folder.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> kept = Files.list(folder)) {
                for (Path old : kept.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                        && !p.getFileName().toString().equals(key + SUFFIX)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Compiled rules not kept in {}: {}", folder, e.toString());
        }
    }
}
