package cn.duban.lookback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The matcher compares a prior item only with the current items sharing enough bigrams with it: it must find what
 * comparing it with every current item finds. Made-up items: words of random characters; half the prior items are
 * current ones with some words changed (some then match, some not), half have nothing to do with any.
 */
class ItemMatcherTest {

    private static final String[] UNITS = {"甲", "乙", "丙", "丁"};

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int c = 2 + random.nextInt(2); c > 0; c--) {
            word.append((char) (0x4e00 + random.nextInt(300)));
        }
        return word.toString();
    }

    private static ItemMatcher.Candidate made(Random random, String number, String like) {
        StringBuilder text = new StringBuilder();
        if (like == null) {
            for (int w = 3 + random.nextInt(8); w > 0; w--) {
                text.append(word(random));
            }
        } else { // every word of the other's kept, or changed
            for (int at = 0; at < like.length(); at += 2) {
                text.append(random.nextInt(3) == 0 ? word(random) : like.substring(at, Math.min(like.length(), at + 2)));
            }
        }
        Set<String> units = new HashSet<>();
        for (int u = random.nextInt(3); u > 0; u--) {
            units.add(UNITS[random.nextInt(UNITS.length)]);
        }
        return new ItemMatcher.Candidate(number, text.toString(), units);
    }

    /** The pair's score computed on its own, as the matcher's answer must agree with. */
    private static double scored(ItemMatcher.Candidate prior, ItemMatcher.Candidate current) {
        return ItemMatcher.score(ItemMatcher.normalize(prior.text()), ItemMatcher.normalize(current.text()),
                prior.units(), current.units());
    }

    @Test
    void aPriorItemMatchesTheCurrentItemThatScoresBest() {
        Random random = new Random(21);
        List<ItemMatcher.Candidate> current = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            current.add(made(random, "c" + i, null));
        }
        int matched = 0;
        for (int p = 0; p < 300; p++) {
            ItemMatcher.Candidate prior = made(random, "p" + p, p % 2 == 0 ? current.get(random.nextInt(300)).text() : null);
            // every pair scored: the best (the first of equals, in the current items' order) if it reaches the threshold
            String best = null;
            double bestScore = -1;
            for (ItemMatcher.Candidate c : current) {
                double score = scored(prior, c);
                double shown = Math.round(score * 1000) / 1000.0; // the pairs are ranked by the score shown
                if (score >= ItemMatcher.THRESHOLD && shown > bestScore) {
                    best = c.number();
                    bestScore = shown;
                }
            }
            List<ItemMatcher.Match> found = ItemMatcher.match(List.of(prior), current).matches();
            assertThat(found.stream().map(ItemMatcher.Match::current).findFirst().orElse(null)).as(prior.text()).isEqualTo(best);
            matched += found.size();
        }
        assertThat(matched).as("some items match, some do not").isBetween(30, 270);
    }

    @Test
    void theAssignmentIsOneToOneBestPairsFirstAsScoringEveryPairGives() {
        Random random = new Random(22);
        List<ItemMatcher.Candidate> current = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            current.add(made(random, "c" + i, null));
        }
        List<ItemMatcher.Candidate> prior = new ArrayList<>();
        for (int p = 0; p < 200; p++) { // several prior items like the same current one: they compete for it
            prior.add(made(random, "p" + p, p % 3 == 0 ? null : current.get(random.nextInt(60)).text()));
        }
        // every pair scored, best first (equal scores in the prior, then the current items' order), taken greedily
        List<ItemMatcher.Match> pairs = new ArrayList<>();
        for (ItemMatcher.Candidate p : prior) {
            for (ItemMatcher.Candidate c : current) {
                double score = scored(p, c);
                if (score >= ItemMatcher.THRESHOLD) {
                    pairs.add(new ItemMatcher.Match(p.number(), c.number(), Math.round(score * 1000) / 1000.0));
                }
            }
        }
        pairs.sort(java.util.Comparator.comparingDouble(ItemMatcher.Match::score).reversed());
        Set<String> usedPrior = new HashSet<>();
        Set<String> usedCurrent = new HashSet<>();
        List<ItemMatcher.Match> expected = new ArrayList<>();
        for (ItemMatcher.Match m : pairs) {
            if (!usedPrior.contains(m.prior()) && !usedCurrent.contains(m.current())) {
                expected.add(m);
                usedPrior.add(m.prior());
                usedCurrent.add(m.current());
            }
        }
        expected.sort(java.util.Comparator.comparingInt(m -> Integer.parseInt(m.prior().substring(1))));

        ItemMatcher.Result result = ItemMatcher.match(prior, current);
        assertThat(result.matches()).isEqualTo(expected);
        assertThat(result.matches().size()).as("prior items compete: some lose the item they are like").isBetween(20, 130);
        assertThat(result.unmatchedPrior()).hasSize(prior.size() - expected.size());
    }
}
