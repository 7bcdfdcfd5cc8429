package io.oomdoc.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import io.oomdoc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the model reads about each tool comes from src/main/resources/llm/tools.properties, which the test reads from
 * the source tree itself; the Java annotations carry names and types only.
 */
class ToolCatalogTest {
    @TempDir Path repo;

    private static Properties table() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", ToolCatalog.RESOURCE))) {
            p.load(r);
        }
        return p;
    }

    private static List<ToolSpecification> specs() {
        return List.copyOf(ToolCatalog.of(new OomdocTools(Path.of("."), null, m -> { }, null)).keySet());
    }

    @Test
    void everyToolIsDescribedByItsLineInTheResource() throws Exception {
        Properties table = table();
        List<ToolSpecification> specs = specs();
        assertEquals(12, specs.size(), specs.toString());
        for (ToolSpecification s : specs) {
            assertFalse(s.description().isBlank(), s.name());
            assertEquals(table.getProperty(s.name()), s.description(), s.name());
        }
    }

    @Test
    void everyParameterIsDescribedByItsLineInTheResource() throws Exception {
        Properties table = table();
        int seen = 0;
        for (ToolSpecification s : specs()) {
            if (s.parameters() == null) continue;
            for (Map.Entry<String, JsonSchemaElement> e : s.parameters().properties().entrySet()) {
                String key = s.name() + "." + e.getKey();
                assertFalse(e.getValue().description().isBlank(), key);
                assertEquals(table.getProperty(key), e.getValue().description(), key);
                seen++;
            }
        }
        assertEquals(23, seen, "parameters of the twelve tools");
    }

    @Test
    void theAnnotationsCarryNoTextForTheModel() {
        for (Method m : OomdocTools.class.getMethods()) {
            Tool t = m.getAnnotation(Tool.class);
            if (t == null) continue;
            assertTrue(Arrays.stream(t.value()).allMatch(String::isEmpty), m.getName());
            for (Parameter p : m.getParameters()) {
                P a = p.getAnnotation(P.class);
                if (a != null) assertEquals("", a.value() + a.description(), m.getName() + "." + p.getName());
            }
        }
    }

    @Test
    void aToolWithoutALineInTheResourceIsRefused() {
        ToolSpecification unknown = ToolSpecification.builder().name("not_a_tool").build();
        assertThrows(IllegalStateException.class, () -> ToolCatalog.describe(unknown));
    }

    @Test
    void theModelIsSentTheDescriptionsOfTheResource() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.text("Nothing to add."))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"ask", "--provider", "openai", "--base-url", server.baseUrl(), "--model",
                "test", "why does my job run out of memory?"}, new ByteArrayInputStream(new byte[0]), out, err,
                    Map.of("XDG_STATE_HOME", repo.resolve(".state").toString(),
                            "XDG_CONFIG_HOME", repo.resolve(".config").toString()), repo, false, false);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            String request = server.requests.get(0);
            Properties table = table();
            for (String key : List.of("read_file", "read_file.startLine", "budget.gpuGib", "session_facts")) {
                String json = table.getProperty(key).replace("\"", "\\\"");
                assertTrue(request.contains(json), key + " not in " + request);
            }
        }
    }
}
