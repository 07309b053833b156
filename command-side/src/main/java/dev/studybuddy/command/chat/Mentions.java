package dev.studybuddy.command.chat;

import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.command.identity.UsernameLookup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds {@code @username} mentions in a message body and resolves them to user ids. */
@Component
class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9_.]{3,32})");

    private final UsernameLookup usernames;

    Mentions(UsernameLookup usernames) {
        this.usernames = usernames;
    }

    List<UUID> in(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(body == null ? "" : body);
        while (matcher.find() && names.size() < MessageRules.MAX_MENTIONS) {
            names.add(trimTrailingDots(matcher.group(1)).toLowerCase(Locale.ROOT));
        }
        var ids = usernames.idsOf(names);
        return names.stream().filter(ids::containsKey).map(ids::get).toList();
    }

    /** "@ann." at the end of a sentence mentions ann. */
    private static String trimTrailingDots(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        return name.substring(0, end);
    }
}
