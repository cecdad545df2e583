package dev.marquee.orderapi.account.sms;

import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmsSender smsSender(SmsProperties properties) {
        return new HttpSmsSender(properties.gatewayUrl(), properties.sendTimeout());
    }

    @Bean
    SmsCodes smsCodes(RedissonClient redisson, SmsSender sender, SmsProperties properties) {
        return new SmsCodes(new SmsCodeStore(redisson), sender, OneTimeCodes.secure(), properties);
    }
}
