package io.oomdoc.protocol.reasoning;

import java.util.regex.Pattern;

/** Words that name a process killed for memory: the kernel's OOM killer, a cgroup limit, a scheduler. */
public final class Kills {
    private static final Pattern KILL = Pattern.compile("(?im)(?:^|[\\s|\\]])killed\\s*$|\\bkilled by signal\\b|exit(?:ed)?"
            + "[ _]?(?:code|status)?[:= ]*(?:137|-9)\\b|exitcode\\s*:\\s*-9|\\bsigkill\\b|signal 9\\b|\\boomkilled\\b"
            + "|oom[-_ ]kill|out of memory: killed process|\\boom killer\\b|killed process \\d+");

    private Kills() {}

    public static boolean named(String lowerText) { return KILL.matcher(lowerText).find(); }
}
