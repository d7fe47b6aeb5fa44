package io.github.flagtest.samples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** {@code POST /orders}: prices the order in the body and answers the receipt. */
public class OrderHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderService orders;

    /** The Lambda runtime's constructor: flags from AppConfig, the production ledger. */
    public OrderHandler() {
        this(AppConfigFeatures.fromEnvironment());
    }

    /** Flags from {@code features}; the handler builds the production ledger itself. */
    public OrderHandler(Features features) {
        this(new OrderService(features, new LoyaltyLedger()));
    }

    public OrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Order order;
        try {
            order = JSON.readValue(request.getBody() == null ? "" : request.getBody(), Order.class);
        } catch (JsonProcessingException e) {
            return response(400, Map.of("error", "the body is not an order: " + e.getOriginalMessage()));
        }
        if (order.customerId() == null || order.lines() == null || order.lines().isEmpty()) {
            return response(400, Map.of("error", "an order needs a customerId and at least one line"));
        }
        return response(201, orders.place(order));
    }

    private static APIGatewayProxyResponseEvent response(int status, Object body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
