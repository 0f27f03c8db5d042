package cn.duban.notify;

/** A channel that delivers queued messages: e-mail or webhook. */
interface Sender {

    String channel();

    /** Sends one message; throws when it was not delivered, so that the delivery job tries again later. */
    void send(String key, String recipient, String subject, String body) throws Exception;
}
