package dev.marquee.orderapi.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "cinema")
public class Cinema {

    @Id
    private long id;
    private long merchantId;
    private String name;
    private String city;
    private String address;
    private String code;
    private java.math.BigDecimal latitude;
    private java.math.BigDecimal longitude;

    protected Cinema() {
    }

    public long id() {
        return id;
    }

    public long merchantId() {
        return merchantId;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public String address() {
        return address;
    }

    public String code() {
        return code;
    }

    /** Degrees north; null when the cinema has no coordinates. */
    public java.math.BigDecimal latitude() {
        return latitude;
    }

    /** Degrees east; null when the cinema has no coordinates. */
    public java.math.BigDecimal longitude() {
        return longitude;
    }
}
