package cn.duban.lookback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import info.debatty.java.stringsimilarity.SorensenDice;

/**
 * Matches this year's items to last year's: the texts without numbering, years and boilerplate verbs (进一步, 持续,
 * 加强, 做好…) compared by character bigrams (Sørensen–Dice), plus the overlap of the units they name; then a
 * one-to-one assignment, best pairs first, of the pairs scoring at least the threshold.
 */
public final class ItemMatcher {

    /** An item as the matcher sees it. */
    public record Candidate(String number, String text, Set<String> units) {}

    public record Match(String prior, String current, double score) {}

    public record Result(List<Match> matches, List<String> unmatchedPrior, List<String> unmatchedCurrent) {}

    /** Pairs below this score are not the same task. */
    public static final double THRESHOLD = 0.35;

    private static final Pattern BOILERPLATE = Pattern.compile(
            "进一步|持续|加强|做好|深化|推进|切实|认真|全面|积极|不断|扎实|着力|大力|稳步|抓好|继续|及时|按时|同步|完善|健全|规范|强化|提升|优化|扩大|加快|落实|开展|建立");
    private static final Pattern NOISE = Pattern.compile("\\d{4}\\s*年|[0-9]+|[\\p{Punct}\\p{IsPunctuation}\\s“”‘’、。,;:()〔〕《》]");
    private static final SorensenDice DICE = new SorensenDice(2);
    /** The least text similarity a pair whose items both name units needs to reach the threshold (see score). */
    private static final double LEAST_WITH_UNITS = (THRESHOLD - 0.2) / 0.8;

    /** An index's 21 bits in a pair's long (a plan holds fewer than 2,097,152 items). */
    private static final long MASK = (1L << 21) - 1;

    private static final int[] NONE = {};

    private ItemMatcher() {}

    public static Result match(List<Candidate> prior, List<Candidate> current) {
        // each text normalized once; the current items indexed by their bigrams (bigram → items, in their order)
        List<String> texts = current.stream().map(c -> normalize(c.text())).toList();
        List<Set<String>> bigrams = texts.stream().map(ItemMatcher::bigrams).toList();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            for (String b : bigrams.get(i)) {
                postings.computeIfAbsent(b, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        postings.forEach((b, items) -> index.put(b, items.stream().mapToInt(Integer::intValue).toArray()));
        // every pair reaching the threshold as one long, sorting as the pairs do: score (in thousandths) descending,
        // then the prior item's index, then the current one's (a plan's 2,000 items can give millions of pairs)
        long[] pairs = new long[1024];
        int count = 0;
        int[] shared = new int[current.size()];
        int[] touched = new int[current.size()];
        for (int pi = 0; pi < prior.size(); pi++) {
            Candidate p = prior.get(pi);
            String pt = normalize(p.text());
            Set<String> own = bigrams(pt);
            int reached = 0;
            for (String b : own) {
                for (int i : index.getOrDefault(b, NONE)) {
                    if (shared[i]++ == 0) {
                        touched[reached++] = i;
                    }
                }
            }
            for (int t = 0; t < reached; t++) {
                int i = touched[t];
                Candidate c = current.get(i);
                // the texts' similarity is 2·shared / (bigrams of each): too few shared, and the score cannot reach
                // the threshold even with every unit in common
                double least = p.units().isEmpty() || c.units().isEmpty() ? THRESHOLD : LEAST_WITH_UNITS;
                // Sørensen–Dice of the two bigram sets, from the count just made (what DICE.similarity computes)
                double text = pt.isEmpty() || texts.get(i).isEmpty() ? 0 : 2.0 * shared[i] / (own.size() + bigrams.get(i).size());
                if (text >= least - 1e-9) {
                    double score = withUnits(text, p.units(), c.units());
                    if (score >= THRESHOLD) {
                        if (count == pairs.length) {
                            pairs = Arrays.copyOf(pairs, count * 2);
                        }
                        pairs[count++] = (1000L - Math.round(score * 1000)) << 42 | (long) pi << 21 | i;
                    }
                }
                shared[i] = 0;
            }
        }
        Arrays.sort(pairs, 0, count);
        Set<String> usedPrior = new HashSet<>();
        Set<String> usedCurrent = new HashSet<>();
        Match[] byPrior = new Match[prior.size()];
        for (int k = 0; k < count; k++) {
            int pi = (int) (pairs[k] >>> 21 & MASK);
            String p = prior.get(pi).number();
            String c = current.get((int) (pairs[k] & MASK)).number();
            if (!usedPrior.contains(p) && !usedCurrent.contains(c)) {
                byPrior[pi] = new Match(p, c, (1000 - (pairs[k] >>> 42)) / 1000.0);
                usedPrior.add(p);
                usedCurrent.add(c);
            }
        }
        return new Result(Arrays.stream(byPrior).filter(Objects::nonNull).toList(),
                prior.stream().map(Candidate::number).filter(n -> !usedPrior.contains(n)).toList(),
                current.stream().map(Candidate::number).filter(n -> !usedCurrent.contains(n)).toList());
    }

    /** Text similarity counts four fifths; where both items name units, their overlap counts the rest. */
    public static double score(String prior, String current, Set<String> priorUnits, Set<String> currentUnits) {
        return withUnits(prior.isEmpty() || current.isEmpty() ? 0 : DICE.similarity(prior, current), priorUnits, currentUnits);
    }

    private static double withUnits(double text, Set<String> priorUnits, Set<String> currentUnits) {
        if (priorUnits.isEmpty() || currentUnits.isEmpty()) {
            return text;
        }
        int common = 0;
        for (String unit : priorUnits) {
            if (currentUnits.contains(unit)) {
                common++;
            }
        }
        return 0.8 * text + 0.2 * common / (priorUnits.size() + currentUnits.size() - common);
    }

    /** The character bigrams Sørensen–Dice compares; a text of one character is its own (it equals only itself). */
    private static Set<String> bigrams(String text) {
        return text.length() == 1 ? Set.of(text) : DICE.getProfile(text).keySet();
    }

    public static String normalize(String text) {
        return BOILERPLATE.matcher(NOISE.matcher(text).replaceAll("")).replaceAll("");
    }
}
