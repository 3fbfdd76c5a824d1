package org.ecovalue.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubackSequencerTest {

    private final List<Integer> acked = new ArrayList<>();
    private final PubackSequencer sequencer = new PubackSequencer((id, qos) -> acked.add(id));

    @Test
    void acknowledgementsFollowArrivalOrderEvenWhenKafkaCompletesOutOfOrder() throws Exception {
        PubackSequencer.Ticket m1 = sequencer.arrived(1, 1);
        PubackSequencer.Ticket m2 = sequencer.arrived(2, 1);
        PubackSequencer.Ticket m3 = sequencer.arrived(3, 1);

        sequencer.durable(m3);
        sequencer.durable(m2);
        assertThat(acked).isEmpty();

        sequencer.durable(m1);
        assertThat(acked).containsExactly(1, 2, 3);
        assertThat(sequencer.pendingCount()).isZero();
    }

    @Test
    void qos0MessagesNeedNoAcknowledgementButKeepTheirPlace() throws Exception {
        PubackSequencer.Ticket m0 = sequencer.arrived(0, 0);
        PubackSequencer.Ticket m7 = sequencer.arrived(7, 1);

        sequencer.durable(m7);
        sequencer.durable(m0);
        assertThat(acked).containsExactly(7);
    }

    @Test
    void messagesOfALostConnectionAreNeverAcknowledgedOnTheNextOne() throws Exception {
        PubackSequencer.Ticket old = sequencer.arrived(5, 1);
        sequencer.connectionLost();
        PubackSequencer.Ticket fresh = sequencer.arrived(5, 1);

        sequencer.durable(old);
        assertThat(acked).isEmpty();
        sequencer.durable(fresh);
        assertThat(acked).containsExactly(5);
    }

    @Test
    void closingWaitsUntilEveryReceivedMessageIsAcknowledged() throws Exception {
        PubackSequencer.Ticket m1 = sequencer.arrived(1, 1);
        assertThat(sequencer.awaitAllAcknowledged(10)).isFalse();

        Thread kafkaCallback = new Thread(() -> {
            try {
                sequencer.durable(m1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        kafkaCallback.start();
        assertThat(sequencer.awaitAllAcknowledged(10_000)).isTrue();
        kafkaCallback.join();
        assertThat(acked).containsExactly(1);
    }
}
