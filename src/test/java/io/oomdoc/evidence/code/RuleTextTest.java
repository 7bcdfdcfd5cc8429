package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A rule's words live in scan/messages.properties under its id (issue 15: user text out of Java): a rule added
 * without its description row, or a row left behind by a renamed rule, is caught here rather than by a user.
 */
class RuleTextTest {
    @Test
    void everyRuleHasADescriptionRow() {
        for (Rule r : Rules.ALL) assertFalse(r.description().isBlank(), r.id());
    }

    @Test
    void everyDescriptionRowNamesARule() throws IOException {
        Properties p = new Properties();
        try (var in = Rule.class.getClassLoader().getResourceAsStream("scan/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> rows = p.stringPropertyNames().stream().filter(k -> k.endsWith(".description"))
                .map(k -> k.substring(0, k.length() - ".description".length())).collect(Collectors.toSet());
        assertEquals(Rules.ALL.stream().map(Rule::id).collect(Collectors.toSet()), rows);
    }

    @Test
    void aFindingReadsItsSentenceWithTheCodesValueFilledIn() {
        String src = "from torch.utils.data import DataLoader\n"
                + "loader = DataLoader(ds, batch_size=8, num_workers=16, pin_memory=True)\n";
        var found = new io.oomdoc.evidence.code.rules.PinMemoryManyWorkers().check(new PySource("train.py", src, null));
        assertEquals("num_workers=16 with pin_memory=True: every worker holds its own view of the dataset in host RAM",
                found.get(0).message());
    }
}
