package cn.duban.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import cn.duban.system.Folders;
import cn.duban.system.Folders.FileText;
import cn.duban.system.StartupTask;

/**
 * The office's policy: the rule files and decision tables of {@code duban.rules-dir} (or the jar's copies),
 * compiled with Drools' executable model. {@link #reload()} compiles the folder again and swaps the rules only when
 * every file compiles; until then the rules in force keep answering. The first compilation (about 3 s) runs beside
 * the rest of start-up; the application does not start until it has succeeded.
 */
public class RuleBase implements SmartInitializingSingleton {

    /** What a rules folder may hold: rule files and decision tables. */
    public static final String[] RULE_FILES = {".drl", ".drl.csv", ".drl.xlsx"};

    private static final Logger log = LoggerFactory.getLogger(RuleBase.class);
    private static final AtomicInteger BUILDS = new AtomicInteger();

    /** The actions the rules emitted for one set of facts. */
    public record Outcome(List<Remind> reminders, List<Escalate> escalations, List<Colour> colours) {}

    /**
     * One thing the compiler found wrong: the rule file ({@code null} when it cannot be told), line and column in it
     * (0 when unknown) and the compiler's message.
     */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            String place = (file == null ? "" : file + " ") + (line > 0 ? "第" + line + "行" + (column > 0 ? "第" + column + "列" : "") : "");
            return place.isBlank() ? message : place.strip() + ": " + message;
        }
    }

    /** Rule files that are refused: why, and the compiler's problems when they did not compile. */
    public static class CompileException extends RuntimeException {
        private final transient List<Problem> problems;

        public CompileException(String message) {
            super(message);
            this.problems = List.of();
        }

        CompileException(List<Problem> problems) {
            super("规则文件有错误: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        /** The compiler's problems, file by file; empty when the files were refused before compiling. */
        public List<Problem> problems() {
            return problems;
        }
    }

    private final String rulesDir;
    private final CompiledRules kept;
    private volatile KieContainer container;
    private volatile List<String> files;
    private final StartupTask<List<String>> firstBuild;

    /** The rules of the folder, compiled before this returns (the command line, tests). */
    public RuleBase(String rulesDir) {
        this.rulesDir = rulesDir;
        this.kept = null;
        this.firstBuild = StartupTask.now(this::reload);
        ready();
    }

    private RuleBase(String rulesDir, CompiledRules kept) {
        this.rulesDir = rulesDir;
        this.kept = kept;
        this.firstBuild = StartupTask.start("rules-first-build", this::reload);
    }

    /**
     * The application's rules: compiled on a thread of their own while the rest of the application starts, or loaded
     * as compiled before with the same files by the same build ({@code kept}; null: compiled every time).
     */
    static RuleBase compiledInBackground(String rulesDir, CompiledRules kept) {
        return new RuleBase(rulesDir, kept);
    }

    /** Start-up waits here for the first compilation: rules that do not compile stop the application. */
    @Override
    public void afterSingletonsInstantiated() {
        ready();
    }

    private void ready() {
        firstBuild.join();
    }

    /** Whether the first compilation is done and succeeded (a later reload that fails keeps the rules in force). */
    public boolean compiled() {
        return firstBuild.succeeded();
    }

    /** Recompiles the rules folder; a file with errors is refused and the rules in force stay. */
    public synchronized List<String> reload() {
        List<FileText> read = Folders.read(rulesDir, "rules", RULE_FILES);
        this.container = build(read, kept);
        this.files = read.stream().map(FileText::name).toList();
        log.info("Rules in force from {}: {}", rulesDir, String.join(", ", files));
        return files;
    }

    public List<String> files() {
        ready();
        return files;
    }

    /** The folder the rules are read from and written to (the jar's copies stand in while it does not exist). */
    public Path folder() {
        return Path.of(rulesDir).toAbsolutePath();
    }

    /**
     * The rules folder on disk; when the jar's copies were in force, it is created with all of them (rules and the
     * holiday file) so that an edit of one file does not lose the others.
     */
    public synchronized Path materialize() throws IOException {
        Path folder = Path.of(rulesDir);
        if (!Files.isDirectory(folder)) {
            List<FileText> inForce = Folders.read(rulesDir, "rules", RULE_FILES);
            List<FileText> holidays = Folders.read(rulesDir, "rules", "holidays.csv");
            Files.createDirectories(folder);
            for (FileText f : inForce) {
                Files.write(folder.resolve(f.name()), f.bytes());
            }
            for (FileText f : holidays) {
                Files.write(folder.resolve(f.name()), f.bytes());
            }
        }
        return folder;
    }

    /** The text of one rule file in force. */
    public Optional<FileText> file(String name) {
        return Folders.read(rulesDir, "rules", RULE_FILES).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Replaces (or adds) one rule file: the whole set is compiled with it first, and only then written to the rules
     * folder (created with the jar's files when missing) and put in force. A file with errors changes nothing.
     */
    public synchronized List<String> write(String name, byte[] content) throws IOException {
        if (!name.matches("[A-Za-z0-9_-]+(\\.drl|\\.drl\\.csv|\\.drl\\.xlsx)")) {
            throw new CompileException("规则文件名无效 (应为 名称.drl、名称.drl.csv 或 名称.drl.xlsx): " + name);
        }
        List<FileText> inForce = Folders.read(rulesDir, "rules", RULE_FILES);
        List<FileText> candidate = new ArrayList<>(inForce.stream().filter(f -> !f.name().equals(name)).toList());
        candidate.add(new FileText(name, content));
        KieContainer compiled = build(candidate, kept);
        Path folder = materialize();
        Files.write(folder.resolve(name), content);
        this.container = compiled;
        this.files = candidate.stream().map(FileText::name).sorted().toList();
        log.info("Rule file {} written and in force", name);
        return files;
    }

    /** Compiles rule files; throws {@link CompileException} with the compiler's problems. */
    static KieContainer build(List<FileText> files) {
        return build(files, null);
    }

    /**
     * {@link #build(List)}, or the same files as compiled before when {@code kept} (may be null) holds them; what is
     * compiled is kept there.
     */
    static KieContainer build(List<FileText> files, CompiledRules kept) {
        KieServices ks = KieServices.get();
        ReleaseId release = ks.newReleaseId("cn.duban", "rules", "1." + BUILDS.incrementAndGet());
        String key = kept == null ? null : kept.key(files);
        Optional<KieModule> before = kept == null ? Optional.empty() : kept.load(key, release);
        if (before.isPresent()) {
            try {
                ks.getRepository().addKieModule(before.get());
                KieContainer loaded = ks.newKieContainer(release);
                loaded.getKieBase(); // its classes load now, not in the first sweep
                log.info("Rules loaded as compiled before ({})", key.substring(0, 12));
                return loaded;
            } catch (RuntimeException e) {
                log.warn("Rules compiled before ({}) did not load, compiling them again: {}", key.substring(0, 12), e.toString());
                ks.getRepository().removeKieModule(release);
            }
        }
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        files.forEach(f -> kfs.write("src/main/resources/rules/" + f.name(), f.bytes()));
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            throw new CompileException(List.of(CompilerMessages.thrown(e)));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new CompileException(CompilerMessages.problems(errors, files));
        }
        if (kept != null) {
            kept.store(key, builder.getKieModule());
        }
        return ks.newKieContainer(release);
    }

    /** Runs rules/assign.drl: decides whether the office must confirm an item before it goes to the units. */
    public AssignCheck decideAssign(AssignCheck check) {
        evaluate(List.of(check));
        return check;
    }

    /** Fires the rules over the facts and collects the objects of one type they inserted. */
    public <T> List<T> fire(Collection<?> facts, Class<T> type) {
        ready();
        KieSession session = container.newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            return session.getObjects(type::isInstance).stream().map(type::cast).toList();
        } finally {
            session.dispose();
        }
    }

    /** Fires the rules over the day's facts and collects the actions they inserted. */
    public Outcome evaluate(Collection<?> facts) {
        ready();
        KieSession session = container.newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Remind> reminders = new ArrayList<>();
            List<Escalate> escalations = new ArrayList<>();
            List<Colour> colours = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Remind r) {
                    reminders.add(r);
                } else if (o instanceof Escalate e) {
                    escalations.add(e);
                } else if (o instanceof Colour c) {
                    colours.add(c);
                }
            }
            return new Outcome(reminders, escalations, colours);
        } finally {
            session.dispose();
        }
    }
}
