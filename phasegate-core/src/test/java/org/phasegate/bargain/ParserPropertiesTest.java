package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.Gen;

/** Mutated and random input never crashes a reader with anything but {@link IssueParseException}. */
class ParserPropertiesTest {
    private static final String CSV = read("inputs/dummyData_3Dim.csv");
    private static final String XML = read("inputs/smpExample.fixed-det.xml");
    private static final String YAML = readRepo("scenarios/gaza-2025-issues.yaml");

    private static String read(String rel) {
        try {
            return Files.readString(KtabData.dir().resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readRepo(String rel) {
        try {
            return Files.readString(Path.of(System.getProperty("phasegate.root", "..")).resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Reader {
        Issue parse(String file, String text) throws IssueParseException;
    }

    private static void onlyParseExceptions(Reader reader, String text) {
        try {
            Issue issue = reader.parse("f", text);
            assertThat(issue.actors()).hasSizeBetween(Issue.MIN_ACTORS, Issue.MAX_ACTORS);
        } catch (IssueParseException e) {
            assertThat(e.getMessage()).startsWith("f:");
        }
    }

    private static String garbage(SplittableRandom random) {
        return random.nextBoolean() ? Gen.text(random, 300)
                : Gen.text(random, "<>/=\"',:-{}[]\n 0123456789.abcXYZ#&;!?", 0, 300);
    }

    static LongStream seeds300() {
        return Gen.seeds(300);
    }

    static LongStream seeds200() {
        return Gen.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void csvMutations(long seed) {
        onlyParseExceptions(KtabCsvReader::parse, mutate(CSV, new SplittableRandom(seed)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void xmlMutations(long seed) {
        onlyParseExceptions(KtabXmlReader::parse, mutate(XML, new SplittableRandom(seed)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void yamlMutations(long seed) {
        onlyParseExceptions(IssueYamlReader::parse, mutate(YAML, new SplittableRandom(seed)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void garbageNeverCrashesAnyReader(long seed) {
        String text = garbage(new SplittableRandom(seed));
        onlyParseExceptions(KtabCsvReader::parse, text);
        onlyParseExceptions(KtabXmlReader::parse, text);
        onlyParseExceptions(IssueYamlReader::parse, text);
    }

    private static String mutate(String text, SplittableRandom random) {
        int i = random.nextInt(text.length() + 1);
        int j = Math.min(text.length(), i + random.nextInt(41));
        return text.substring(0, i) + garbage(random) + text.substring(j);
    }
}
