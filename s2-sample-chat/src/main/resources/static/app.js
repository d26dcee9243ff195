'use strict';

// The chat page: the room list, a room's history and live messages (Server-Sent Events
// whose ids are seq nums, so a reconnecting browser resumes without gaps or repeats),
// and the forms. No framework, no build step.

const state = { room: null, events: null, seen: new Set() };

const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
	const response = await fetch(path, {
		method,
		headers: body ? { 'Content-Type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	const data = text ? JSON.parse(text) : null;
	if (!response.ok) {
		const error = new Error((data && data.detail) || response.statusText);
		error.status = response.status;
		error.data = data;
		throw error;
	}
	return data;
}

async function loadRooms() {
	const rooms = await api('GET', '/rooms');
	const list = $('rooms');
	list.replaceChildren(...rooms.map((room) => {
		const item = document.createElement('li');
		item.dataset.room = room.name;
		item.className = (room.name === state.room) ? 'active' : '';
		const name = document.createElement('span');
		name.textContent = room.name;
		const count = document.createElement('span');
		count.className = 'count';
		count.textContent = room.messages;
		count.title = room.lastActivity ? 'last message ' + new Date(room.lastActivity).toLocaleString() : '';
		item.append(name, count);
		item.addEventListener('click', () => openRoom(room.name));
		return item;
	}));
}

function showMessage(message) {
	if (state.seen.has(message.seq)) {
		return;
	}
	state.seen.add(message.seq);
	const item = document.createElement('li');
	item.dataset.seq = message.seq;
	const user = document.createElement('span');
	user.className = 'user';
	user.textContent = message.user;
	const text = document.createElement('span');
	text.className = 'text';
	text.textContent = message.text;
	const time = document.createElement('span');
	time.className = 'time';
	time.textContent = message.sentAt ? new Date(message.sentAt).toLocaleTimeString() : '';
	item.append(user, text, time);
	const list = $('messages');
	list.append(item);
	list.scrollTop = list.scrollHeight;
}

async function openRoom(room) {
	if (state.events) {
		state.events.close();
	}
	state.room = room;
	state.seen = new Set();
	$('room-title').textContent = room;
	$('messages').replaceChildren();
	$('post').hidden = false;
	history.replaceState(null, '', '#' + encodeURIComponent(room));
	const page = await api('GET', `/rooms/${encodeURIComponent(room)}/messages?limit=50`);
	page.messages.forEach(showMessage);
	const events = new EventSource(`/rooms/${encodeURIComponent(room)}/events?from=${page.nextSeq}`);
	events.addEventListener('message', (event) => showMessage(JSON.parse(event.data)));
	events.addEventListener('open', () => { $('status').textContent = 'live'; });
	events.addEventListener('error', () => { $('status').textContent = 'reconnecting…'; });
	state.events = events;
	loadRooms();
}

$('create-room').addEventListener('submit', async (event) => {
	event.preventDefault();
	$('room-error').textContent = '';
	const name = $('room-name').value.trim();
	try {
		await api('POST', '/rooms', { name });
		$('room-name').value = '';
		await openRoom(name);
	}
	catch (error) {
		$('room-error').textContent = fieldErrors(error).name || error.message;
	}
});

$('post').addEventListener('submit', async (event) => {
	event.preventDefault();
	$('user-error').textContent = '';
	$('text-error').textContent = '';
	const user = $('user').value;
	localStorage.setItem('chat.user', user);
	try {
		const message = await api('POST', `/rooms/${encodeURIComponent(state.room)}/messages`,
			{ user, text: $('text').value });
		$('text').value = '';
		showMessage(message);
	}
	catch (error) {
		const errors = fieldErrors(error);
		$('user-error').textContent = errors.user || '';
		$('text-error').textContent = errors.text || (errors.user ? '' : error.message);
	}
});

function fieldErrors(error) {
	return (error.data && error.data.errors) || {};
}

$('user').value = localStorage.getItem('chat.user') || '';
loadRooms().then(() => {
	const room = decodeURIComponent(location.hash.slice(1));
	if (room) {
		openRoom(room);
	}
});
setInterval(loadRooms, 5000);
