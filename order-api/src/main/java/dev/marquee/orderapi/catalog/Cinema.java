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
}
