package dev.marquee.payments;

/** No trade of that gateway and number was ever settled here. */
public class TradeNotFoundException extends RuntimeException {

    public TradeNotFoundException(String gateway, String tradeNo) {
        super("No " + gateway + " trade " + tradeNo + " was settled here");
    }
}
