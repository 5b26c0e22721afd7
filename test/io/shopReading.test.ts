import { describe, expect, it } from 'vitest';
import { InvalidInputError, isoFromDay, TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';

function read(text: string | Uint8Array, options: TransactionTextOptions = {}, chunk = 5): ReturnType<TransactionTextReader['finish']> {
  const r = new TransactionTextReader(options);
  for (let i = 0; i < text.length; i += chunk) r.push(text.slice(i, i + chunk) as string & Uint8Array);
  return r.finish();
}

function issuesOf(f: () => unknown): InvalidInputError['issues'] {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidInputError) return e.issues;
    throw e;
  }
  throw new Error('expected an InvalidInputError');
}

describe('computed amounts, refunds and cancellations', () => {
  const retail = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\nC536379,D,Discount,-1,12/1/2010 9:41,27.5,14527.0,United Kingdom\nC536383,35004C,SET,1,12/1/2010 9:49,4.65,15311.0,United Kingdom\n';

  it('multiplies quantity by price when there is no amount column, and reads C invoices as returns', () => {
    const r = read(retail, { dateFormat: 'M/d/yyyy H:mm', cancelledPrefix: 'C' });
    expect(r.amountSource).toBe('price-times-quantity');
    expect(r.table.customerIds).toEqual([17850, 14527, 15311]);
    expect(Array.from(r.table.amount)).toEqual([6 * 2.55, -27.5, -4.65]);
    expect(r.cancelled).toBe(2);
    expect(r.notes[0]).toBe('columns: customer="CustomerID", date="InvoiceDate", price="UnitPrice", quantity="Quantity", order="InvoiceNo", amount=quantity×price');
  });

  it('drops or rejects the returns under the returns policy', () => {
    expect(read(retail, { dateFormat: 'M/d/yyyy H:mm', cancelledPrefix: 'C', returns: 'drop' }).returnsDropped).toBe(2);
    const issues = issuesOf(() => read(retail, { dateFormat: 'M/d/yyyy H:mm', returns: 'reject' }));
    expect(issues.map((i) => [i.line, i.code, i.path[1]])).toEqual([[3, 'negative_amount', 'price']]);
  });

  it('nets the refunded column from the amount', () => {
    const r = read('email,created at,total,refunded amount\na@x,2024-01-02,100,30\nb@x,2024-01-03,50,\n');
    expect(Array.from(r.table.amount)).toEqual([70, 50]);
  });

  it('refuses a price without a quantity, a cancelled prefix without an order column, and a bad quantity', () => {
    expect(issuesOf(() => read('c,date,p\na,2024-01-01,3\n', { columns: { customer: 'c', price: 'p' } }))[0]!.message).toMatch(/needs a quantity column/);
    expect(issuesOf(() => read('customer,date,amount\na,2024-01-01,3\n', { cancelledPrefix: 'C' }))[0]!.message).toMatch(/needs an order column/);
    const issues = issuesOf(() => read('customer,date,price,qty\na,2024-01-01,3,two\nb,2024-01-01,3,\n'));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 4, 'not_finite'],
      [3, 4, 'missing_field'],
    ]);
  });
});

describe('option checks', () => {
  it('names the option and what it expects for every bad value', () => {
    const text = 'customer,date,amount\na,2024-01-01,1\n';
    const cases: [TransactionTextOptions, string][] = [
      [{ decimal: 'dot' as 'point' }, 'decimal'],
      [{ skipMissing: ['email' as 'customer'] }, 'skipMissing'],
      [{ cancelledPrefix: ' ' }, 'cancelledPrefix'],
      [{ timeZone: 'Nowhere/City' }, 'timeZone'],
      [{ encoding: 'utf-7' as 'utf-8' }, 'encoding'],
      [{ columns: { price: 'amount' }, dateFormat: 'iso' }, 'price'],
    ];
    for (const [options, name] of cases) {
      const issues = name === 'price' ? issuesOf(() => read('c,date,amount\na,2024-01-01,1\n', { columns: { customer: 'c', price: 'amount' } })) : issuesOf(() => read(text, options));
      expect(issues[0]!.path, name).toEqual(['options', name]);
      expect(issues[0]!.message, name).toMatch(/expected|needs/);
    }
  });
});

describe('skipping rows with blank fields', () => {
  it('skips and counts rows with a blank named field; other bad rows still fail', () => {
    const text = 'Name,Email,Created at,Total\n#1,a@x,2024-01-02,10\n#1,,,\n#2,b@x,2024-01-05,5\n';
    const r = read(text, { skipMissing: ['customer'] });
    expect(r.skipped).toBe(1);
    expect(r.table.customerIds).toEqual(['a@x', 'b@x']);
    expect(r.notes).toContain('1 row skipped with a blank customer');
    expect(issuesOf(() => read(text))[0]!.line).toBe(3);
    expect(issuesOf(() => read(`${text}#3,c@x,soon,5\n`, { skipMissing: ['customer'] }))[0]!.line).toBe(5);
  });
});

describe('column detection by synonyms', () => {
  it('prefers email over a bare id (Shopify layout) and never takes name as the customer', () => {
    const r = read('Id,Name,Email,Created at,Total\n1,#1001,a@x,2024-01-02,10\n');
    expect(r.table.customerIds).toEqual(['a@x']);
    expect(r.notes[0]).toBe('columns: customer="Email", date="Created at", amount="Total"');
  });

  it('takes a bare id when nothing better is there, and a price is not an amount when a quantity is given', () => {
    expect(read('id,date,total\n7,2024-01-01,1\n').table.customerIds).toEqual([7]);
    expect(Array.from(read('id,date,price,qty\n7,2024-01-01,2.5,4\n').table.amount)).toEqual([10]);
  });

  it('reads count-only data when there is neither an amount nor a price', () => {
    const r = read('cust,date\n1,2024-01-01\n2,2024-01-02\n');
    expect(r.amountSource).toBe('none');
    expect(r.table.length).toBe(2);
    expect(Array.from(r.table.amount)).toEqual([0, 0]);
  });
});

describe('number locale', () => {
  it('reads decimal commas and grouped thousands', () => {
    const r = read('kunde;datum;betrag\nA;2024-01-02;12,50\nB;2024-01-03;1.234,56\nC;2024-01-04;-3\n', { decimal: 'comma', columns: { customer: 'kunde', date: 'datum', amount: 'betrag' } });
    expect(Array.from(r.table.amount)).toEqual([12.5, 1234.56, -3]);
    expect(Array.from(read('customer,date,amount\nA,2024-01-02,"1,234.50"\n').table.amount)).toEqual([1234.5]);
  });

  it('detects the decimal comma under auto and says so', () => {
    const r = read('customer;date;amount\nA;2024-01-02;12\nB;2024-01-03;7,25\n', { decimal: 'auto' });
    expect(Array.from(r.table.amount)).toEqual([12, 7.25]);
    expect(r.notes).toContain('decimal separator: comma (detected from line 3)');
    expect(read('customer,date,amount\nA,2024-01-02,7.25\n', { decimal: 'auto' }).notes).toContain('decimal separator: point (detected from line 2)');
  });

  it('hints at --decimal when a value looks like a decimal comma, and names currency signs', () => {
    const [comma] = issuesOf(() => read('customer;date;amount\nA;2024-01-02;12,50\n'));
    expect(comma!.message).toBe("not a number (expected a decimal number such as -1234.50 or 1,234.50); it looks like a decimal comma: read it with --decimal comma (API decimal: 'comma')");
    const [euro] = issuesOf(() => read('customer;date;amount\nA;2024-01-02;€12\n'));
    expect(euro!.message).toMatch(/currency signs are not read/);
    const [point] = issuesOf(() => read('customer;date;amount\nA;2024-01-02;12.5\n', { decimal: 'comma' }));
    expect(point!.message).toMatch(/looks like a decimal point/);
  });
});

describe('encodings', () => {
  it('reads latin-1 bytes and detects byte-order marks', () => {
    const latin1 = Uint8Array.from([...'customer,date,amount\nJos'].map((c) => c.charCodeAt(0)).concat([0xe9], [...',2024-01-02,3\n'].map((c) => c.charCodeAt(0))));
    expect(read(latin1, { encoding: 'latin1' }).table.customerIds).toEqual(['José']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('customer,date,amount\nZoë,2024-01-02,3\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = read(utf16, {}, 3);
    expect(r.table.customerIds).toEqual(['Zoë']);
    expect(r.notes).toContain('encoding: utf-16le (byte-order mark)');
  });

  it('refuses bytes that are not UTF-8, naming the byte and the line', () => {
    const bytes = new TextEncoder().encode('customer,date,amount\nJos?,2024-01-02,3\n');
    bytes[24] = 0xe9;
    for (const chunk of [1, 7, 1000]) {
      const [issue] = issuesOf(() => read(bytes, {}, chunk));
      expect([issue!.line, issue!.column, issue!.path]).toEqual([2, 1, [0, 'customer']]);
      expect(issue!.message).toMatch(/^byte 24 \(0-based\) of the input is not valid UTF-8 .*--encoding latin1/);
    }
    const order = new TextEncoder().encode('customer,date,amount,order\nA,2024-01-02,3,"x?"\n');
    order[order.length - 3] = 0xff;
    expect(issuesOf(() => read(order))[0]!.message).toMatch(/^byte 44 \(0-based\) of the input is not valid UTF-8/);
    expect(issuesOf(() => read('customer,date,amount\n', { encoding: 'ebcdic' as 'utf-8' }))[0]!.path).toEqual(['options', 'encoding']);
  });
});

describe('RFC 4180 quoted fields across lines', () => {
  it('reads a quoted field with line ends, CR/LF and doubled quotes inside, and numbers lines by where the record starts', () => {
    const text = 'customer,date,amount,note\r\nA,2024-01-02,5,"two\r\nlines, and ""quotes"""\r\nB,2024-01-03,x,"one\nmore"\r\nC,2024-01-04,6,plain\r\n';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const r = read(text, { onInvalid: 'collect' }, chunk);
      expect(r.table.customerIds, `chunk ${chunk}`).toEqual(['A', 'C']);
      expect(r.rejected.map((x) => x.line)).toEqual([4]);
      expect(r.lines).toBe(6);
    }
  });

  it('rejects a quote never closed, naming its line, instead of swallowing the rest silently', () => {
    const r = read('customer,date,amount,note\nA,2024-01-02,5,"open\nB,2024-01-03,6,x\n', { onInvalid: 'collect' });
    expect(r.table.length).toBe(0);
    expect(r.rejected[0]!.line).toBe(2);
    expect(r.rejected[0]!.issues[0]!.message).toMatch(/never closed/);
  });
});

describe('ids', () => {
  it('reads 12346.0 as 12346 and says when ids written differently were merged', () => {
    const r = read('customer,date,amount\n12346.0,2024-01-01,1\n00042,2024-01-01,1\n42,2024-01-02,1\n12346.0,2024-01-03,1\nx1,2024-01-03,1\n');
    expect(r.table.customerIds).toEqual([12346, 42, 'x1']);
    expect(r.idsMerged).toBe(1);
    expect(r.notes.some((n) => n.startsWith('ids: 1 numeric customer id was written in more than one way'))).toBe(true);
    expect(read('customer,date,amount\n00042,2024-01-01,1\n42,2024-01-02,1\n', { ids: 'string' }).table.customerIds).toEqual(['00042', '42']);
  });
});

describe('dates', () => {
  it('reads a date-time with an offset on the calendar written, whatever the process time zone', () => {
    const r = read('customer,date,amount\nA,2024-03-01 23:30:00 -0500,1\n', { dateFormat: 'yyyy-MM-dd HH:mm:ss xx' });
    expect(isoFromDay(r.table.day[0]!)).toBe('2024-03-01');
  });

  it('converts instants to the calendar of a time zone', () => {
    const text = 'customer,date,amount\nA,2024-03-01 23:30:00 -0500,1\nB,2024-03-01T22:00:00Z,1\nC,2024-03-01,1\n';
    const berlin = read(text.replace(/ -0500/, '-05:00').replace(' 23', 'T23'), { timeZone: 'Europe/Berlin' });
    expect(Array.from(berlin.table.day).map(isoFromDay)).toEqual(['2024-03-02', '2024-03-01', '2024-03-01']);
    const tokyo = read('customer,date,amount\nA,1709330400,1\n', { dateFormat: 't', timeZone: 'Asia/Tokyo' });
    expect(isoFromDay(tokyo.table.day[0]!)).toBe('2024-03-02');
    expect(issuesOf(() => read(text, { timeZone: 'Mars/Olympus' }))[0]!.path).toEqual(['options', 'timeZone']);
  });

  it('detects the date format under auto, fixing rows read before a day above 12 decided the order', () => {
    const r = read('customer,date,amount\nA,3/4/2024,1\nB,1/1/2024,1\nC,25/4/2024,1\n', { dateFormat: 'auto' });
    expect(Array.from(r.table.day).map(isoFromDay)).toEqual(['2024-04-03', '2024-01-01', '2024-04-25']);
    expect(r.notes).toContain('date format: d/M/yyyy (detected from line 4)');
    const us = read('customer,date,amount\nA,3/4/2024 10:00,1\nB,12/31/2024 9:15,1\n', { dateFormat: 'auto' });
    expect(Array.from(us.table.day).map(isoFromDay)).toEqual(['2024-03-04', '2024-12-31']);
    expect(read('customer,date,amount\nA,20240105,1\n', { dateFormat: 'auto' }).notes).toContain('date format: yyyyMMdd (detected from line 2)');
  });

  it('fails clearly when 3/4/2024 could be either order', () => {
    const [issue] = issuesOf(() => read('customer,date,amount\nA,3/4/2024,1\nB,5/6/2024,1\n', { dateFormat: 'auto' }));
    expect(issue!.message).toMatch(/^ambiguous date format: the dates \(from line 2\) read as M\/d\/yyyy and as d\/M\/yyyy/);
  });
});
