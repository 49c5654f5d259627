package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.api.net.Verdict;

class HandlersTest {

    @Test
    void messageHandlersByTopicAndRequestHandlersByRanking() {
        Handlers handlers = new Handlers();
        MessageHandler one = (from, m) -> Verdict.ACCEPT;
        MessageHandler two = (from, m) -> Verdict.IGNORE;
        handlers.addMessageHandler(one, Map.of(MessageHandler.TOPIC, new String[] {"tx", "blocks"}));
        handlers.addMessageHandler(two, Map.of(MessageHandler.TOPIC, List.of("tx")));
        assertThat(handlers.forTopic("tx")).containsExactly(one, two);
        assertThat(handlers.forTopic("blocks")).containsExactly(one);
        assertThat(handlers.forTopic("nothing")).isEmpty();
        handlers.removeMessageHandler(one);
        assertThat(handlers.forTopic("tx")).containsExactly(two);
        assertThat(handlers.topics()).containsExactly("tx");

        RequestHandler low = (from, r) -> new byte[] {1};
        RequestHandler high = (from, r) -> new byte[] {2};
        handlers.addRequestHandler(low, Map.of(RequestHandler.PROTOCOL, "p", "service.id", 5L));
        handlers.addRequestHandler(high, Map.of(RequestHandler.PROTOCOL, "p", "service.id", 9L, "service.ranking", 10));
        assertThat(handlers.forProtocol("p")).isSameAs(high);
        handlers.removeRequestHandler(high);
        assertThat(handlers.forProtocol("p")).isSameAs(low);
        handlers.removeRequestHandler(low);
        assertThat(handlers.forProtocol("p")).isNull();
        assertThat(handlers.protocols()).isEmpty();
    }
}
