package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A message whose author is erased while its batch runs (the handler read the text with the key the node still
 * held, and the key was destroyed before the batch looked for erased authors): the batch takes the text away from the
 * views, and the live frame it sends after its commit carries none either.
 */
@QuerySideIT
class ErasedAuthorFramesIT {

    @LocalServerPort
    int port;

    @Autowired
    ChatProjection projection;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    Groups groups;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    @Test
    void aPostWhoseAuthorTheBatchFoundErasedIsAnnouncedWithoutItsText() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        Groups.Created group = groups.create(owner, "Erasure", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(group.groupId(), author));

        try (StompClients.Client client =
                StompClients.connected(port, TestTokenIssuer.get().accessToken(owner))) {
            client.subscribe("/topic/groups." + group.groupId());
            Thread.sleep(500);
            UUID messageId = UUID.randomUUID();
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            projection.on(
                    new GroupMessagePostedEvent(
                            group.groupId(), messageId, author, "words of the erased", null, List.of(), List.of()),
                    1_000_000L,
                    Instant.now(),
                    ReplayStatus.REGULAR);
            keys.destroy(author);
            try {
                batch.commit();
                assertTheFrameOf(client, messageId);
            } finally {
                // written by the handler alone, for no stored event: a replay of chat must not meet it
                mongoClient
                        .getDatabase(mongoProperties.getMongoClientDatabase())
                        .getCollection(ChatViews.MESSAGES)
                        .deleteMany(Filters.eq("messageId", messageId.toString()));
            }
        }
    }

    private static void assertTheFrameOf(StompClients.Client client, UUID messageId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.framesOf("message.posted").stream()
                        .anyMatch(
                                frame -> frame.at("/message/messageId").asText().equals(messageId.toString())));
        JsonNode frame = client.framesOf("message.posted").get(0);
        assertThat(frame.toString()).doesNotContain("words of the erased");
        assertThat(frame.at("/message/body").isNull()
                        || frame.at("/message/body").isMissingNode())
                .isTrue();
    }
}
