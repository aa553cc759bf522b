/** Internals of the MQTT transport: the Paho adapter, topic-filter matching and JSON field codecs. */
package io.emms.transport.mqtt.internal;
