package dev.studybuddy.mongostandin.index;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScansTest {

    @Test
    void aQueryShapeKeepsFieldsAndOperatorsAndDropsValues() {
        Document query = new Document("conversationId", "group-1")
                .append("seq", new Document("$gte", 5L).append("$lt", 90L))
                .append("eventIdentifier", new Document("$nin", List.of("a", "b", "c")));

        assertThat(Scans.shape(query))
                .hasToString(
                        "{\"conversationId\" : \"?\", \"seq\" : {\"$gte\" : \"?\", \"$lt\" : \"?\"}, \"eventIdentifier\" : {\"$nin\" : [ \"?\" ]}}");
        assertThat(Scans.shape(query))
                .isEqualTo(Scans.shape(new Document("conversationId", "group-2")
                        .append("seq", new Document("$gte", 1L).append("$lt", 2L))
                        .append("eventIdentifier", new Document("$nin", List.of("z")))));
        assertThat(Scans.shape(null)).isEqualTo("{}");
    }
}
