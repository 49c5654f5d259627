package io.zgnode.rpc.http;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.Channel;
import io.zgnode.api.metrics.MetricSource;
import io.zgnode.rpc.core.JsonRpcDispatcher;
import io.zgnode.rpc.metrics.RpcMetrics;

/** What every connection's handlers share. */
record ServerContext(ServerSettings settings, JsonRpcDispatcher dispatcher, RpcMetrics metrics,
        Supplier<? extends Collection<? extends MetricSource>> metricSources, ExecutorService workers,
        CorsPolicy cors, ObjectMapper mapper) {

    ChannelSession newSession(Channel channel, boolean websocket) {
        return new ChannelSession(channel, websocket, mapper, workers, Math.max(settings.maxRequestBytes(), 16 << 20));
    }
}
