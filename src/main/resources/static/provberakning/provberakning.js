// Provberäkning: reads the form, calls POST /api/provberakning and shows the lines. No framework, no build step.
// All texts from the server are set with textContent, never as HTML.
(function () {
  'use strict';

  const API = '/api/provberakning';
  const form = document.getElementById('provberakning-form');
  const yearSelect = document.getElementById('ar');
  const children = document.getElementById('barn-lista');
  const incomes = document.getElementById('inkomst-lista');
  const errorBox = document.getElementById('fel');
  const errorList = document.getElementById('fel-lista');
  const result = document.getElementById('resultat');
  const kronor = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
  let counter = 0;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function field(labelText, input) {
    const wrapper = el('div');
    wrapper.append(el('label', { for: input.id }, labelText), input);
    return wrapper;
  }

  function removeButton(row, what) {
    const button = el('button', { type: 'button', class: 'remove' }, 'Ta bort');
    button.setAttribute('aria-label', 'Ta bort ' + what);
    button.addEventListener('click', () => { row.remove(); renumber(); });
    return button;
  }

  function renumber() {
    Array.from(children.children).forEach((row, i) => {
      const age = row.querySelector('input[type=number]');
      const lunch = row.querySelector('input[type=checkbox]');
      age.dataset.field = 'children[' + i + '].age';
      lunch.dataset.field = 'children[' + i + '].lunchAtHome';
      row.querySelector('label[for="' + age.id + '"]').textContent = 'Barn ' + (i + 1) + ': ålder i år';
      row.querySelector('label[for="' + lunch.id + '"]').textContent = 'Barn ' + (i + 1)
        + ' äter lunch annanstans (t.ex. förskola)';
      row.querySelector('button').setAttribute('aria-label', 'Ta bort barn ' + (i + 1));
    });
  }

  function addChild() {
    const row = el('li');
    const n = ++counter;
    const input = el('input', { type: 'number', id: 'barn-' + n, inputmode: 'numeric', min: '0', max: '20',
      step: '1', required: '', 'aria-describedby': 'barn-hjalp' });
    const lunch = el('input', { type: 'checkbox', id: 'barn-lunch-' + n, 'aria-describedby': 'barn-hjalp' });
    const lunchField = el('div', { class: 'check' });
    lunchField.append(lunch, el('label', { for: lunch.id }, 'Äter lunch annanstans'));
    row.append(field('Barn', input), lunchField, removeButton(row, 'barn'));
    children.append(row);
    renumber();
    input.focus();
  }

  function addIncome() {
    const n = ++counter;
    const row = el('li');
    const name = el('input', { type: 'text', id: 'inkomst-namn-' + n, maxlength: '60', autocomplete: 'off' });
    const amount = el('input', { type: 'number', id: 'inkomst-belopp-' + n, inputmode: 'numeric', min: '0', step: '1' });
    row.append(field('Slag av inkomst', name), field('Belopp', amount), removeButton(row, 'inkomst'));
    incomes.append(row);
    name.focus();
  }

  function number(input) {
    const text = input.value.trim();
    return text === '' ? null : Number(text);
  }

  function request() {
    const body = {
      year: yearSelect.value === '' ? null : Number(yearSelect.value),
      adults: Number(form.querySelector('input[name=adults]:checked').value),
      children: Array.from(children.children).map(row => ({
        age: number(row.querySelector('input[type=number]')),
        lunchAtHome: !row.querySelector('input[type=checkbox]').checked
      })),
      othersSharingHousehold: number(document.getElementById('andra')) || 0,
      costs: {},
      incomes: {}
    };
    form.querySelectorAll('input[data-cost]').forEach(input => {
      const value = number(input);
      if (value !== null) body.costs[input.dataset.cost] = value;
    });
    Array.from(incomes.children).forEach(row => {
      const [name, amount] = row.querySelectorAll('input');
      const value = number(amount);
      const key = name.value.trim() || 'Inkomst';
      amount.dataset.field = 'incomes[' + key + ']';
      if (value !== null) body.incomes[key] = (body.incomes[key] || 0) + value;
    });
    return body;
  }

  function clearErrors() {
    errorBox.hidden = true;
    errorList.replaceChildren();
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  }

  function showErrors(errors) {
    errorList.replaceChildren();
    errors.forEach(error => {
      const input = error.field ? form.querySelector('[data-field="' + CSS.escape(error.field) + '"]') : null;
      const item = el('li');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        const label = form.querySelector('label[for="' + input.id + '"]');
        const link = el('a', { href: '#' + input.id }, (label ? label.textContent + ': ' : '') + error.message);
        link.addEventListener('click', event => { event.preventDefault(); input.focus(); });
        item.append(link);
      } else {
        item.textContent = error.message;
      }
      errorList.append(item);
    });
    errorBox.hidden = false;
    errorBox.focus();
    result.replaceChildren();
  }

  function showResult(answer) {
    const table = el('table');
    table.append(el('caption', {}, 'Beräkning för ' + answer.year + ', kronor per månad'));
    const head = el('tr');
    head.append(el('th', { scope: 'col' }, 'Post'), el('th', { scope: 'col', class: 'amount' }, 'Belopp'));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    answer.lines.forEach(line => {
      const row = el('tr');
      const what = el('td', {}, line.description);
      if (line.rule) what.append(el('span', { class: 'rule' }, line.rule));
      row.append(what, el('td', { class: 'amount' }, kronor.format(line.amount) + ' kr'));
      body.append(row);
    });
    table.append(body);
    const sums = el('dl');
    [['Norm', answer.norm], ['Skäliga kostnader', answer.reasonableCosts], ['Inkomster', answer.incomes]]
      .forEach(([term, value]) => sums.append(el('dt', {}, term), el('dd', {}, kronor.format(value) + ' kr')));
    const total = el('p', { class: 'total' });
    total.append(el('strong', {}, 'Försörjningsstöd: ' + kronor.format(answer.assistance) + ' kr per månad'));
    const note = el('p', {}, 'Provberäkningen är ungefärlig och inte ett beslut. Ansök för att få din rätt prövad.');
    result.replaceChildren(el('h2', {}, 'Resultat'), total, sums, table, note);
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    let response;
    let answer;
    try {
      response = await fetch(API, { method: 'POST', headers: { 'Content-Type': 'application/json',
        Accept: 'application/json' }, body: JSON.stringify(request()) });
      answer = await response.json();
    } catch (e) {
      showErrors([{ message: 'Beräkningen kunde inte göras just nu. Försök igen senare.' }]);
      return;
    }
    if (response.ok) {
      showResult(answer);
    } else {
      showErrors(answer.errors || [{ message: answer.error || 'Beräkningen kunde inte göras.' }]);
    }
  }

  async function loadYears() {
    try {
      const response = await fetch(API + '/ar', { headers: { Accept: 'application/json' } });
      const years = (await response.json()).years || [];
      const thisYear = new Date().getFullYear();
      years.forEach(year => yearSelect.append(el('option', { value: String(year) }, String(year))));
      yearSelect.value = String(years.includes(thisYear) ? thisYear : years[years.length - 1]);
    } catch (e) {
      showErrors([{ message: 'Åren kunde inte hämtas. Försök igen senare.' }]);
    }
  }

  document.getElementById('lagg-till-barn').addEventListener('click', addChild);
  document.getElementById('lagg-till-inkomst').addEventListener('click', addIncome);
  form.addEventListener('submit', submit);
  loadYears();
}());
