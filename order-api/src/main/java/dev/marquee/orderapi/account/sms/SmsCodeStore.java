package dev.marquee.orderapi.account.sms;

import java.util.HexFormat;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The codes and the send limits in Redis, shared by every order-api instance. Each step is one Lua script, so it
 * is atomic across instances: a try is counted before it is judged (two instances cannot share out more tries than
 * one), a code is consumed once, and a send is reserved (cooldown and both counters) before the gateway is asked.
 *
 * <p>Keys: {@code marquee:sms:code:{phone}} (a hash: digest, tries; expires with the code),
 * {@code marquee:sms:cooldown:{phone}}, {@code marquee:sms:sent:phone:{phone}} and {@code marquee:sms:sent:ip:{ip}}
 * (counters of a fixed window that starts at its first send).
 */
final class SmsCodeStore {

    /** KEYS: cooldown, phone counter, ip counter; ARGV: cooldown ms, window ms, per phone, per ip. */
    private static final String RESERVE = """
            local cooling = redis.call('PTTL', KEYS[1])
            if cooling > 0 then return {'cooldown', tostring(cooling)} end
            if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then
              return {'phone', tostring(redis.call('PTTL', KEYS[2]))} end
            if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[4]) then
              return {'ip', tostring(redis.call('PTTL', KEYS[3]))} end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            for i = 2, 3 do
              if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
            end
            return {'ok', '0'}
            """;

    /** KEYS: cooldown, phone counter, ip counter. Gives back what RESERVE took. */
    private static final String RELEASE = """
            redis.call('DEL', KEYS[1])
            for i = 2, 3 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
            end
            return 1
            """;

    /** KEYS: code; ARGV: digest, ttl ms. A new code replaces the old one and its tries. */
    private static final String STORE = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'digest', ARGV[1], 'tries', '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    /** KEYS: code. Counts this try and answers the digest and the tries so far, or nothing when there is no code. */
    private static final String TRY = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
            local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
            return {redis.call('HGET', KEYS[1], 'digest'), tostring(tries)}
            """;

    /** KEYS: code; ARGV: digest. Deletes the code if it still is this one: exactly one caller gets 1. */
    private static final String CONSUME = """
            if redis.call('HGET', KEYS[1], 'digest') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    /** A try counted: the live code's digest (null when none) and its tries, this one included. */
    record Attempt(byte[] digest, long tries) {
    }

    /** A reservation refused: by which limit, and for how long still. */
    record Refusal(String limit, long retryAfterMillis) {
    }

    private final RScript scripts;

    SmsCodeStore(RedissonClient redisson) {
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
    }

    /** @return null when reserved, else the limit that refuses */
    Refusal reserveSend(String phone, String ip, SmsProperties limits) {
        List<Object> answer = scripts.eval(RScript.Mode.READ_WRITE, RESERVE, RScript.ReturnType.LIST,
                sendKeys(phone, ip), Long.toString(limits.cooldown().toMillis()),
                Long.toString(limits.window().toMillis()), Integer.toString(limits.perPhone()),
                Integer.toString(limits.perIp()));
        String outcome = String.valueOf(answer.get(0));
        return "ok".equals(outcome) ? null : new Refusal(outcome, Long.parseLong(String.valueOf(answer.get(1))));
    }

    void releaseSend(String phone, String ip) {
        scripts.eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.LONG, sendKeys(phone, ip));
    }

    void store(String phone, byte[] digest, SmsProperties limits) {
        scripts.eval(RScript.Mode.READ_WRITE, STORE, RScript.ReturnType.LONG, List.of(codeKey(phone)),
                HexFormat.of().formatHex(digest), Long.toString(limits.codeTtl().toMillis()));
    }

    Attempt countTry(String phone) {
        List<Object> answer = scripts.eval(RScript.Mode.READ_WRITE, TRY, RScript.ReturnType.LIST,
                List.of(codeKey(phone)));
        if (answer == null || answer.size() < 2) {
            return new Attempt(null, 0);
        }
        return new Attempt(HexFormat.of().parseHex(String.valueOf(answer.get(0))),
                Long.parseLong(String.valueOf(answer.get(1))));
    }

    boolean consume(String phone, byte[] digest) {
        Long deleted = scripts.eval(RScript.Mode.READ_WRITE, CONSUME, RScript.ReturnType.LONG,
                List.of(codeKey(phone)), HexFormat.of().formatHex(digest));
        return deleted != null && deleted == 1;
    }

    private static List<Object> sendKeys(String phone, String ip) {
        return List.of("marquee:sms:cooldown:" + phone, "marquee:sms:sent:phone:" + phone,
                "marquee:sms:sent:ip:" + ip);
    }

    private static String codeKey(String phone) {
        return "marquee:sms:code:" + phone;
    }
}
