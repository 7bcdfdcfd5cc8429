package io.oomdoc.protocol;

import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.Rules;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Signals' code rows name a scanner rule by the constant the rule owns ({@code TensorAccumulated.ID}), so a renamed
 * rule breaks the build instead of leaving a row that never fires. A rule's ID must be what the scan reports.
 */
class CodeRowsNameScannerRulesTest {
    @Test
    void everyRuleIdConstantIsTheIdTheRegisteredRuleReports() throws Exception {
        int constants = 0;
        for (Rule r : Rules.ALL) {
            for (Field f : r.getClass().getFields()) {
                if (!f.getName().equals("ID") || !Modifier.isStatic(f.getModifiers())) continue;
                constants++;
                assertEquals(f.get(null), r.id(), r.getClass().getSimpleName());
            }
        }
        assertTrue(constants >= 7, "the rules Signals reads own an ID: " + constants);
    }

    @Test
    void signalsNamesNoRuleByALiteral() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/oomdoc/protocol/Signals.java"));
        List<String> literals = new ArrayList<>();
        for (Rule r : Rules.ALL) if (source.contains("\"" + r.id() + "\"")) literals.add(r.id());
        assertEquals(List.of(), literals, "use the rule's ID constant");
        assertTrue(source.contains("codeRule(TensorAccumulated.ID)"), "the code rows were found");
    }
}
