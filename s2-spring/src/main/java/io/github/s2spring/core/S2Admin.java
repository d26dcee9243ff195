package io.github.s2spring.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.log.LogAccessor;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.control.model.StreamInfo;

/**
 * Makes sure the basins and streams an application declares exist, as spring-kafka's
 * {@code KafkaAdmin} does for topics: once every singleton is created, each
 * {@link S2BasinDeclaration} bean and then each {@link S2StreamDeclaration} bean is
 * created, or reconfigured to match, before any listener starts. A failure stops the
 * application with the S2 error that caused it.
 * <p>
 * The same operations are available programmatically through {@link #declare}.
 */
public class S2Admin implements SmartInitializingSingleton, ApplicationContextAware {

	private static final LogAccessor logger = new LogAccessor(S2Admin.class);

	private final S2Client client;

	private final @Nullable String defaultBasin;

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Creates an admin.
	 * @param client the client
	 * @param defaultBasin the basin of stream declarations that name none, or
	 * {@code null} if every declaration names its basin
	 */
	public S2Admin(S2Client client, @Nullable String defaultBasin) {
		this.client = client;
		this.defaultBasin = defaultBasin;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.applicationContext = applicationContext;
	}

	/**
	 * The basin of stream declarations that name none.
	 * @return the default basin, or {@code null}
	 */
	public @Nullable String getDefaultBasin() {
		return this.defaultBasin;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ApplicationContext context = this.applicationContext;
		if (context == null) {
			return;
		}
		List<Object> declarations = new ArrayList<>(
				context.getBeanProvider(S2BasinDeclaration.class).orderedStream().toList());
		declarations.addAll(context.getBeanProvider(S2StreamDeclaration.class).orderedStream().toList());
		declare(declarations.toArray());
	}

	/**
	 * Creates or reconfigures basins and streams: every basin first, then every stream,
	 * each in the order given.
	 * @param declarations {@link S2BasinDeclaration}s and {@link S2StreamDeclaration}s
	 * @throws io.github.s2spring.client.error.S2Exception if S2 refused one (the ones
	 * before it are done)
	 * @throws IllegalArgumentException if an argument is neither kind of declaration, or
	 * a stream declaration names no basin and there is no default basin
	 */
	public void declare(Object... declarations) {
		for (Object declaration : declarations) {
			if (declaration instanceof S2BasinDeclaration basin) {
				Provisioned<BasinInfo> result = this.client.basins().ensure(basin.toRequest());
				logger.info(() -> "S2 basin '" + basin.basin() + "' " + result.result().wireValue());
			}
			else if (!(declaration instanceof S2StreamDeclaration)) {
				throw new IllegalArgumentException("Not an S2 declaration: " + declaration);
			}
		}
		for (Object declaration : declarations) {
			if (declaration instanceof S2StreamDeclaration stream) {
				String basin = basinOf(stream);
				Provisioned<StreamInfo> result = this.client.basin(basin).streams().ensure(stream.toRequest());
				logger.info(() -> "S2 stream '" + stream.stream() + "' of basin '" + basin + "' "
						+ result.result().wireValue());
			}
		}
	}

	private String basinOf(S2StreamDeclaration stream) {
		String basin = (stream.basin() != null) ? stream.basin() : this.defaultBasin;
		if (basin == null) {
			throw new IllegalArgumentException("S2 stream '" + stream.stream()
					+ "' is declared without a basin and no default basin is set (s2.basin)");
		}
		return basin;
	}

}
