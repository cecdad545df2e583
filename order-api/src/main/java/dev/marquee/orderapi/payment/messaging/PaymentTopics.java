package dev.marquee.orderapi.payment.messaging;

import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics order-api writes payments to and reads verdicts from; kept forever, so projections can be rebuilt. */
@Configuration(proxyBeanMethods = false)
class PaymentTopics {

    @Bean
    NewTopic paymentCallbacksTopic(@Value("${marquee.topics.partitions:6}") int partitions,
                                   @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.PAYMENT_CALLBACKS).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic orderEventsTopic(@Value("${marquee.topics.partitions:6}") int partitions,
                              @Value("${marquee.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.ORDER_EVENTS).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
