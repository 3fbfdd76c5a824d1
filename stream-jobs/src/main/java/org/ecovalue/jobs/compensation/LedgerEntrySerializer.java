package org.ecovalue.jobs.compensation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;

/**
 * {@code eco.compensation}: key = {@code {agreementId}/{period}}, value = the entry's JSON (the form the
 * hash chain covers, LedgerHashChain), Kafka timestamp = time of writing, as the other sinks.
 */
public final class LedgerEntrySerializer implements KafkaRecordSerializationSchema<LedgerEntry> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public LedgerEntrySerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(LedgerEntry e, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, null, null, e.key().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode ledger entry " + e.key() + " " + e.status(), ex);
        }
    }
}
