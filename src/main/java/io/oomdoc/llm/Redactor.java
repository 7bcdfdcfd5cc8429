package io.oomdoc.llm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks tokens and keys before anything leaves the machine: messages, tool results, files read. */
public final class Redactor {
    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("\\bhf_[A-Za-z0-9]{20,}"),                       // Hugging Face
            Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{16,}"),    // OpenAI, Anthropic
            Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),              // AWS access key id
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"),                // GitHub
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{40,}"),
            Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"),              // Slack
            Pattern.compile("\\bglpat-[A-Za-z0-9_\\-]{20,}"),                // GitLab
            Pattern.compile("\\bwandb_v1_[A-Za-z0-9_]{20,}|\\b[0-9a-f]{40}\\b(?=.*(?:wandb|WANDB))"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));
    /** KEY=value / "key": "value" where the key names a secret. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)([\\w.-]*(?:token|secret|passw(?:or)?d|api[_-]?key|access[_-]?key|private[_-]?key"
                    + "|auth)[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;]{6,})");

    private Redactor() {}

    public static String redact(String text) {
        if (text == null) return null;
        String t = text;
        for (Pattern p : TOKENS) t = p.matcher(t).replaceAll("[REDACTED]");
        Matcher m = ASSIGNMENT.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            boolean placeholder = value.equals("[REDACTED]") || value.matches("(?i)none|null|true|false"
                    + "|\\$\\{?\\w+}?|os\\.environ.*|<.*>");
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (placeholder ? value : "[REDACTED]")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
