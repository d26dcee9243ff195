package io.github.s2spring.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the SDK, read from its compiled classes: packages depend on each other
 * without cycles, no API package depends on an internal one, nothing depends on the root
 * (the facade), the module exports exactly the API packages, and no public or protected
 * signature of an exported package mentions protobuf, Netty or an internal type.
 */
class ApiBoundaryTests {

	private static final String BASE = "io.github.s2spring.client";

	private static final Set<String> API = Set.of(BASE, BASE + ".config", BASE + ".control", BASE + ".control.model",
			BASE + ".concurrent", BASE + ".data", BASE + ".error", BASE + ".patterns");

	private static final List<String> FORBIDDEN_IN_API = List.of("s2.v1.", "com.google.protobuf.", "io.netty.",
			BASE + ".internal.");

	private static final Pattern CLIENT_TYPE = Pattern.compile("io/github/s2spring/client((?:/[a-z][a-z0-9]*)*)/[A-Z]");

	private static Path classes;

	/** Package to the client packages its classes refer to. */
	private static final Map<String, Set<String>> dependencies = new TreeMap<>();

	@BeforeAll
	static void readClasses() throws IOException, URISyntaxException {
		classes = Path.of(S2Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				if (name.equals("module-info.class") || !name.startsWith("io/github/s2spring/client/")) {
					continue;
				}
				String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
				Set<String> uses = dependencies.computeIfAbsent(pkg, (p) -> new TreeSet<>());
				for (String constant : utf8Constants(file)) {
					Matcher matcher = CLIENT_TYPE.matcher(constant);
					while (matcher.find()) {
						String used = BASE + matcher.group(1).replace('/', '.');
						if (!used.equals(pkg)) {
							uses.add(used);
						}
					}
				}
			}
		}
	}

	@Test
	void everyPackageIsKnownAndApiPackagesNeverUseInternals() {
		assertThat(dependencies.keySet()).containsAll(API);
		assertThat(dependencies.keySet()).allMatch((pkg) -> API.contains(pkg) || pkg.startsWith(BASE + ".internal."));
		dependencies.forEach((pkg, uses) -> {
			if (API.contains(pkg) && !pkg.equals(BASE)) {
				assertThat(uses).as("what %s uses", pkg).noneMatch((used) -> used.startsWith(BASE + ".internal"));
			}
			assertThat(uses).as("what %s uses", pkg).doesNotContain(BASE);
		});
	}

	@Test
	void packagesHaveNoCycles() {
		List<String> cycles = new ArrayList<>();
		for (String start : dependencies.keySet()) {
			findCycle(start, start, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
		}
		assertThat(cycles).as("package cycles").isEmpty();
	}

	private static void findCycle(String start, String at, List<String> path, Set<String> seen, List<String> cycles) {
		for (String next : dependencies.getOrDefault(at, Set.of())) {
			if (next.equals(start)) {
				cycles.add(String.join(" -> ", path) + " -> " + start);
			}
			else if (next.compareTo(start) > 0 && seen.add(next)) {
				path.add(next);
				findCycle(start, next, path, seen, cycles);
				path.remove(path.size() - 1);
			}
		}
	}

	@Test
	void theModuleExportsExactlyTheApiPackages() throws IOException {
		try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
			ModuleDescriptor module = ModuleDescriptor.read(in);
			assertThat(module.name()).isEqualTo(BASE);
			assertThat(module.exports()).allMatch((exports) -> !exports.isQualified())
				.extracting(ModuleDescriptor.Exports::source)
				.containsExactlyInAnyOrderElementsOf(API);
		}
	}

	@Test
	void publicSignaturesOfApiPackagesUseNoWireNettyOrInternalType() throws IOException, ClassNotFoundException {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : apiClasses()) {
			String owner = type.getName();
			check(leaks, owner + " superclass", type.getGenericSuperclass());
			for (Type implemented : type.getGenericInterfaces()) {
				check(leaks, owner + " implements", implemented);
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					check(leaks, owner + "." + component.getName(), component.getGenericType());
				}
			}
			for (Field field : type.getDeclaredFields()) {
				if (visible(field.getModifiers())) {
					check(leaks, owner + "." + field.getName(), field.getGenericType());
				}
			}
			List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
			executables.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
			for (Executable executable : executables) {
				if (!visible(executable.getModifiers()) || executable.isSynthetic()) {
					continue;
				}
				String where = owner + "." + executable.getName();
				for (Type parameter : executable.getGenericParameterTypes()) {
					check(leaks, where + " parameter", parameter);
				}
				for (Type thrown : executable.getGenericExceptionTypes()) {
					check(leaks, where + " throws", thrown);
				}
				if (executable instanceof Method method) {
					check(leaks, where + " returns", method.getGenericReturnType());
				}
			}
		}
		assertThat(leaks).as("types that leak into the API").isEmpty();
	}

	private static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
		List<Class<?>> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
				int dot = className.lastIndexOf('.');
				if (dot < 0 || !API.contains(className.substring(0, dot)) || className.endsWith("package-info")) {
					continue;
				}
				Class<?> type = Class.forName(className, false, S2Client.class.getClassLoader());
				if (isVisibleFromOutside(type)) {
					types.add(type);
				}
			}
		}
		assertThat(types).hasSizeGreaterThan(50);
		return types;
	}

	private static boolean isVisibleFromOutside(Class<?> type) {
		for (Class<?> at = type; at != null; at = at.getDeclaringClass()) {
			if (!visible(at.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	private static boolean visible(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	private static void check(List<String> leaks, String where, Type type) {
		if (type == null) {
			return;
		}
		if (type instanceof Class<?> raw) {
			Class<?> element = raw;
			while (element.isArray()) {
				element = element.getComponentType();
			}
			String name = element.getName();
			if (FORBIDDEN_IN_API.stream().anyMatch(name::startsWith)) {
				leaks.add(where + ": " + name);
			}
		}
		else if (type instanceof ParameterizedType parameterized) {
			check(leaks, where, parameterized.getRawType());
			for (Type argument : parameterized.getActualTypeArguments()) {
				check(leaks, where, argument);
			}
		}
		else if (type instanceof GenericArrayType array) {
			check(leaks, where, array.getGenericComponentType());
		}
		else if (type instanceof WildcardType wildcard) {
			Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
				.forEach((bound) -> check(leaks, where, bound));
		}
		else if (type instanceof TypeVariable<?> variable) {
			for (Type bound : variable.getBounds()) {
				if (bound != Object.class) {
					check(leaks, where, bound);
				}
			}
		}
	}

	/**
	 * The UTF-8 constants of a class file: class names, descriptors and signatures among
	 * them, so every type the class refers to.
	 */
	private static List<String> utf8Constants(Path file) throws IOException {
		List<String> constants = new ArrayList<>();
		try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
			in.readInt();
			in.readUnsignedShort();
			in.readUnsignedShort();
			int count = in.readUnsignedShort();
			for (int i = 1; i < count; i++) {
				int tag = in.readUnsignedByte();
				switch (tag) {
					case 1 -> constants.add(in.readUTF());
					case 7, 8, 16, 19, 20 -> in.skipBytes(2);
					case 15 -> in.skipBytes(3);
					case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
					case 5, 6 -> {
						in.skipBytes(8);
						i++;
					}
					default -> throw new IOException("Unknown constant pool tag " + tag + " in " + file);
				}
			}
		}
		return constants;
	}

}
