package dev.studybuddy.command.chat;

import dev.studybuddy.api.chat.MessageRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The bodies of the chat endpoints (API.md): one shape for group and direct conversations. */
final class MessageRequests {

    private MessageRequests() {}

    record Post(
            @NotBlank @Size(max = MessageRules.MAX_BODY) String body,
            @Size(max = MessageRules.MAX_ATTACHMENTS) List<@NotNull UUID> attachments,
            UUID replyTo) {}

    record Edit(@NotBlank @Size(max = MessageRules.MAX_BODY) String body) {}

    record Read(@NotNull @PositiveOrZero Long seq) {}

    record Posted(UUID messageId, long seq) {}
}
