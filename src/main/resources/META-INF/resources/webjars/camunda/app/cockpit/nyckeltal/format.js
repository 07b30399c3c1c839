/* Stegvis – Nyckeltal: Swedish number formats and names of the categories the API uses. */

const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** How a figure's value reads: a share in per cent, a count, days or kronor. */
export const Kind = {
  SHARE: 'andel',
  COUNT: 'antal',
  DAYS: 'dagar',
  KRONOR: 'kr'
};

export function formatValue(value, kind) {
  if (value === null || value === undefined) {
    return '–';
  }
  switch (kind) {
    case Kind.SHARE:
      return PERCENT.format(value * 100) + ' %';
    case Kind.DAYS:
      return NUMBER.format(value) + ' d';
    case Kind.KRONOR:
      return NUMBER.format(value) + ' kr';
    default:
      return NUMBER.format(value);
  }
}

/** An axis tick: as many decimals as the step between ticks needs (0,0025 % apart gives four). */
export function formatTick(value, kind, step) {
  if (kind !== Kind.SHARE) {
    return formatValue(value, kind);
  }
  const decimals = Math.min(4, Math.max(0, Math.ceil(-Math.log10(step * 100)) + 1));
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals }).format(value * 100) + ' %';
}

/** The kind of a figure, from its id (docs/nyckeltal.md): shares have a numerator and a denominator. */
export function kindOf(figure) {
  if (figure.id.startsWith('tid_') || figure.id.startsWith('vantetid')) {
    return Kind.DAYS;
  }
  if (figure.id === 'utbetalt_per_manad') {
    return Kind.KRONOR;
  }
  if (figure.numerator !== null && figure.numerator !== undefined) {
    return Kind.SHARE;
  }
  if (figure.id.startsWith('andel') || figure.id.endsWith('_i_tid') || figure.id === 'stegforflyttning'
      || figure.id === 'kompletteringsgrad') {
    return Kind.SHARE;
  }
  return Kind.COUNT;
}

/** "2025-03" → "mar 2025" (long) or "mar -25" (short, for axes). */
export function monthName(yearMonth, short) {
  const [year, month] = yearMonth.split('-');
  const name = MONTHS[Number(month) - 1] || month;
  return short ? name + ' -' + year.substring(2) : name + ' ' + year;
}

const CATEGORY_NAMES = {
  // exit reasons
  ARBETE: 'Arbete', STUDIER: 'Studier', ANNAN_ERSATTNING: 'Annan ersättning', FLYTTAT: 'Flyttat',
  EGEN_BEGARAN: 'Egen begäran', ANNAT: 'Annat',
  // placement types
  ARBETSTRANING: 'Arbetsträning', PRAKTIK: 'Praktik', ANSTALLNING_MED_STOD_LONEBIDRAG: 'Lönebidrag',
  NYSTARTSJOBB: 'Nystartsjobb', INTRODUKTIONSJOBB: 'Introduktionsjobb', SFI: 'SFI', SVA: 'SVA',
  KOMBINATIONSUTBILDNING: 'Kombinationsutbildning', FLEX_SFI: 'Flex-SFI', HALSA_REHAB: 'Hälsa och rehabilitering',
  JOBBSOKARAKTIVITET: 'Jobbsökaraktivitet', SAMHALLSNYTTIG_SYSSELSATTNING: 'Samhällsnyttig sysselsättning',
  // phases of the client journey
  kartlaggning: 'Kartläggning', planering: 'Planering', i_insats: 'I insats', uppfoljning: 'Uppföljning'
};

/** A readable name for a category: known codes by name, else the part of the label after ": ", else the code. */
export function categoryName(figure) {
  const category = figure.category;
  if (category === null || category === undefined) {
    return null;
  }
  if (CATEGORY_NAMES[category]) {
    return CATEGORY_NAMES[category];
  }
  const colon = (figure.label || '').lastIndexOf(': ');
  if (colon > 0) {
    return figure.label.substring(colon + 2);
  }
  const words = String(category).replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.substring(1);
}
