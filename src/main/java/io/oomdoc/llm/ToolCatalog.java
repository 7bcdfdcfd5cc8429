package io.oomdoc.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import io.oomdoc.util.MessageTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tools the model may call, described from llm/tools.properties: the annotations give names and parameter types,
 * the text the model reads lives with the other user-facing text, so it is edited without touching Java.
 */
public final class ToolCatalog {
    static final String RESOURCE = "llm/tools.properties";
    private static final MessageTable TEXT = new MessageTable(RESOURCE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCatalog() {}

    /** Each @Tool method of the object with its described specification, in name order. */
    public static Map<ToolSpecification, ToolExecutor> of(OomdocTools tools) {
        Map<ToolSpecification, ToolExecutor> out = new LinkedHashMap<>();
        Arrays.stream(OomdocTools.class.getMethods()).filter(m -> m.isAnnotationPresent(Tool.class))
                .sorted(Comparator.comparing(Method::getName))
                .forEach(m -> out.put(describe(ToolSpecifications.toolSpecificationFrom(m)),
                        new DefaultToolExecutor(tools, m)));
        return out;
    }

    /** The specification with its description and each parameter's taken from the table; a missing line throws. */
    static ToolSpecification describe(ToolSpecification spec) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(spec.toJson());
            root.put("description", TEXT.get(spec.name()));
            if (root.get("parameters") instanceof ObjectNode params
                    && params.get("properties") instanceof ObjectNode props) {
                for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    ((ObjectNode) props.get(name)).put("description", TEXT.get(spec.name() + "." + name));
                }
            }
            return ToolSpecification.fromJson(JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
