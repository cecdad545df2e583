package dev.marquee.orderapi.payment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Payments extends JpaRepository<Payment, String> {

    List<Payment> findByOrderIdOrderByCreatedAt(String orderId);
}
